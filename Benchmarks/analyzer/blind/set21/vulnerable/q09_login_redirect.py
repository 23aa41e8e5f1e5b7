"""Account login view that sends users back to where they came from."""
import logging

from django.contrib.auth import authenticate, login
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

log = logging.getLogger("accounts")

SESSION_KEY = "post_login_redirect"
DEFAULT_DESTINATION = "/dashboard/"


def remember_destination(request):
    dest = request.GET.get("next", "").strip()
    if dest:
        request.session[SESSION_KEY] = dest


def pop_destination(request):
    dest = request.session.pop(SESSION_KEY, None)
    return dest or DEFAULT_DESTINATION


@require_http_methods(["GET", "POST"])
def login_view(request):
    if request.method == "GET":
        if request.user.is_authenticated:
            return redirect(DEFAULT_DESTINATION)
        remember_destination(request)
        return render(request, "accounts/login.html", {"error": None})

    username = request.POST.get("username", "")
    user = authenticate(request, username=username, password=request.POST.get("password", ""))
    if user is None:
        log.info("failed login for %r", username)
        return render(request, "accounts/login.html", {"error": "Invalid credentials"}, status=401)

    # cycle the session before storing auth data, keep the remembered destination
    destination = pop_destination(request)
    login(request, user)
    log.info("user %r logged in", user.pk)
    return redirect(destination)  # VULN flow


def logout_view(request):
    from django.contrib.auth import logout

    if request.method == "POST":
        logout(request)
    return redirect("/")
