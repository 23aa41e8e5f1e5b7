"""Member portal login views (annual passes, adoption scheme, guest passes)."""
import logging

from django.contrib.auth import authenticate, login, logout
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

log = logging.getLogger("members.auth")

DEFAULT_LANDING = "/members/dashboard/"
SESSION_NEXT_KEY = "members_after_login"


def _remember_next(request: HttpRequest) -> None:
    target = request.GET.get("next") or request.POST.get("next")
    if target:
        request.session[SESSION_NEXT_KEY] = target


def _pop_next(request: HttpRequest) -> str:
    return request.session.pop(SESSION_NEXT_KEY, None) or DEFAULT_LANDING


@require_http_methods(["GET", "POST"])
def member_login(request: HttpRequest) -> HttpResponse:
    _remember_next(request)
    if request.method == "GET":
        return render(request, "members/login.html", {"error": None})

    card_number = request.POST.get("card_number", "").strip()
    password = request.POST.get("password", "")
    user = authenticate(request, username=card_number, password=password)
    if user is None:
        log.info("failed member login for card %r", card_number)
        return render(request, "members/login.html", {"error": "Card number or password not recognised."})

    login(request, user)
    destination = _pop_next(request)
    log.info("member %s logged in, continuing to %r", user.pk, destination)
    return redirect(destination)  # VULN flow


def member_logout(request: HttpRequest) -> HttpResponse:
    logout(request)
    return redirect(request.GET.get("return_to", "/"))  # VULN


def renew_pass(request: HttpRequest) -> HttpResponse:
    if not request.user.is_authenticated:
        request.session[SESSION_NEXT_KEY] = request.get_full_path()
        return redirect("/members/login/")
    return render(request, "members/renew.html", {"member": request.user})
