"""Forum login / logout views."""
import logging

from django.conf import settings
from django.contrib.auth import authenticate, login, logout
from django.http import HttpResponseRedirect
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from .forms import LoginForm
from .ratelimit import too_many_attempts, record_failure

log = logging.getLogger("forum.auth")

DEFAULT_LANDING = "/boards/"


def _landing_url(request) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if not target:
        target = request.session.pop("after_login", "") or DEFAULT_LANDING
    return target


@require_http_methods(["GET", "POST"])
def login_view(request):
    if request.user.is_authenticated:
        return redirect(DEFAULT_LANDING)

    form = LoginForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        username = form.cleaned_data["username"]
        if too_many_attempts(request, username):
            form.add_error(None, "Too many attempts, try again later.")
        else:
            user = authenticate(request, username=username, password=form.cleaned_data["password"])
            if user is not None and user.is_active:
                login(request, user)
                if form.cleaned_data.get("remember"):
                    request.session.set_expiry(settings.REMEMBER_ME_SECONDS)
                next_url = _landing_url(request)
                return HttpResponseRedirect(next_url)  # VULN flow
            record_failure(request, username)
            form.add_error(None, "Invalid username or password.")

    return render(
        request,
        "auth/login.html",
        {"form": form, "next": request.GET.get("next", "")},
    )


def logout_view(request):
    if request.user.is_authenticated:
        log.info("user %s logged out", request.user.pk)
    logout(request)
    return redirect(request.GET.get("return_to", "/"))  # VULN


def require_login_redirect(request):
    """Used by the board middleware when a guest opens a members-only board."""
    request.session["after_login"] = request.get_full_path()
    return redirect(settings.LOGIN_URL)
