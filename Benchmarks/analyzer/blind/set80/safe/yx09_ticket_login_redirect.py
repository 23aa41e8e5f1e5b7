"""Login/logout views for the mobile ticketing web portal."""
import logging

from django.contrib.auth import authenticate, login, logout
from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.csrf import csrf_protect
from django.views.decorators.http import require_http_methods

log = logging.getLogger("tickets.auth")

DEFAULT_NEXT = "/account/tickets/"
SESSION_NEXT_KEY = "login_next"


def _is_local(request, url) -> bool:
    return bool(url) and url_has_allowed_host_and_scheme(
        url, allowed_hosts={request.get_host()}, require_https=request.is_secure())


def _remember_next(request) -> None:
    nxt = request.GET.get("next")
    if nxt and _is_local(request, nxt):
        request.session[SESSION_NEXT_KEY] = nxt


def _pop_next(request) -> str:
    nxt = request.session.pop(SESSION_NEXT_KEY, None)
    return nxt if _is_local(request, nxt) else DEFAULT_NEXT


@csrf_protect
@require_http_methods(["GET", "POST"])
def ticket_login(request):
    if request.method == "GET":
        if request.user.is_authenticated:
            return HttpResponseRedirect(DEFAULT_NEXT)
        _remember_next(request)
        return render(request, "tickets/login.html", {"form_error": None})

    email = request.POST.get("email", "").strip().lower()
    password = request.POST.get("password", "")
    user = authenticate(request, username=email, password=password)
    if user is None:
        log.info("failed portal login")
        return render(request, "tickets/login.html",
                      {"form_error": "Email or password is incorrect."}, status=401)

    login(request, user)
    target = _pop_next(request)
    log.info("portal login user_id=%s", user.pk)
    return HttpResponseRedirect(target)


@require_http_methods(["GET", "POST"])
def ticket_logout(request):
    logout(request)
    nxt = request.GET.get("next", "/")
    return HttpResponseRedirect(nxt if _is_local(request, nxt) else "/")


def account_home(request):
    if not request.user.is_authenticated:
        return HttpResponseRedirect("/login/?next=/account/tickets/")
    tickets = request.user.tickets.filter(active=True).order_by("-valid_from")[:20]
    return render(request, "tickets/home.html", {"tickets": tickets})
