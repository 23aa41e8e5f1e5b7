"""Guest portal authentication views (online check-in / stay overview)."""
import logging

from django.conf import settings
from django.contrib.auth import authenticate, login, logout
from django.http import HttpResponseRedirect
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

log = logging.getLogger("guestportal.auth")

DEFAULT_LANDING = "/stay/overview/"
LOGIN_TEMPLATE = "guestportal/login.html"


def _landing_url(request) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if not target:
        target = request.session.get("post_login_url", DEFAULT_LANDING)
    return target


@require_http_methods(["GET", "POST"])
def guest_login(request):
    if request.method == "GET":
        nxt = request.GET.get("next", "")
        if nxt:
            request.session["post_login_url"] = nxt
        return render(request, LOGIN_TEMPLATE, {"next": nxt})

    confirmation = request.POST.get("confirmation", "").strip().upper()
    last_name = request.POST.get("last_name", "").strip()
    user = authenticate(request, confirmation=confirmation, last_name=last_name)
    if user is None:
        log.info("failed guest login for confirmation %r", confirmation)
        ctx = {"error": "We couldn't find that booking.", "next": request.POST.get("next", "")}
        return render(request, LOGIN_TEMPLATE, ctx, status=401)

    destination = _landing_url(request)
    login(request, user)
    log.info("guest %s signed in", user.pk)
    return HttpResponseRedirect(destination)  # VULN flow


@require_http_methods(["GET", "POST"])
def guest_logout(request):
    logout(request)
    return redirect(request.GET.get("continue", settings.GUEST_PORTAL_HOME))  # VULN


def switch_stay(request, reservation_id: int):
    """Guests with several upcoming stays can flip between them."""
    stays = request.session.get("stay_ids", [])
    if reservation_id not in stays:
        return redirect(DEFAULT_LANDING)
    request.session["active_stay"] = reservation_id
    return redirect("stay-overview")
