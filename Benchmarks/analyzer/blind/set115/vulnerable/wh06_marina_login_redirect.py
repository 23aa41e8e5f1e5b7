"""Member portal authentication views for the marina (Django)."""
import logging

from django.conf import settings
from django.contrib.auth import login, logout
from django.contrib.auth.forms import AuthenticationForm
from django.http import HttpResponseRedirect
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

log = logging.getLogger("marina.portal.auth")

DEFAULT_LANDING = getattr(settings, "LOGIN_REDIRECT_URL", "/berths/")


def _next_target(request) -> str:
    """Where to send the member after login; the slip booking flow sets ?next=."""
    target = request.POST.get("next") or request.GET.get("next")
    if not target:
        target = request.session.pop("post_login_target", None)
    return target or DEFAULT_LANDING


@require_http_methods(["GET", "POST"])
def member_login(request):
    if request.user.is_authenticated:
        return redirect(DEFAULT_LANDING)

    if request.method == "POST":
        form = AuthenticationForm(request, data=request.POST)
        if form.is_valid():
            user = form.get_user()
            login(request, user)
            log.info("member %s logged in", user.pk)
            destination = _next_target(request)
            return HttpResponseRedirect(destination)  # VULN flow
        log.info("failed portal login")
    else:
        form = AuthenticationForm(request)
        if "next" in request.GET:
            request.session["post_login_target"] = request.GET["next"]

    return render(request, "portal/login.html", {
        "form": form,
        "next": request.GET.get("next", ""),
    })


def member_logout(request):
    logout(request)
    return redirect(request.GET.get("return_to", "/"))  # VULN


def slip_booking_entry(request, slip_code):
    """Deep link from the harbour map; bounces anonymous users through login."""
    if not request.user.is_authenticated:
        request.session["post_login_target"] = f"/berths/book/{slip_code}/"
        return redirect("portal-login")
    return redirect("berth-book", slip_code=slip_code)
