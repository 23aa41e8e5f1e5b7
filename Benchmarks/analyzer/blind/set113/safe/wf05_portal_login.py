"""Family portal authentication views.

Families receive a portal account when an arrangement conference is booked so they
can review the contract, upload photos and approve the obituary draft.
"""
import logging

from django.contrib import messages
from django.contrib.auth.hashers import check_password, make_password
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_http_methods

from portal.models import FamilyAccount

log = logging.getLogger("portal.auth")

DEFAULT_LANDING = "/portal/"
MIN_PASSWORD_LENGTH = 10


def _lookup_account(email: str):
    try:
        return FamilyAccount.objects.get(email__iexact=email.strip(), is_active=True)
    except FamilyAccount.DoesNotExist:
        return None


def _password_matches(account: FamilyAccount, password: str) -> bool:
    return check_password(password, account.password_hash)


def set_portal_password(account: FamilyAccount, new_password: str) -> None:
    if len(new_password) < MIN_PASSWORD_LENGTH:
        raise ValueError("password too short")
    account.password_hash = make_password(new_password)
    account.save(update_fields=["password_hash"])


def _safe_next(request: HttpRequest, candidate: str) -> str:
    if candidate and url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return candidate
    return DEFAULT_LANDING


@require_http_methods(["GET", "POST"])
def portal_login(request: HttpRequest) -> HttpResponse:
    next_url = request.GET.get("next") or request.POST.get("next") or DEFAULT_LANDING
    next_url = _safe_next(request, next_url)
    if request.method == "GET":
        return render(request, "portal/login.html", {"next": next_url})

    account = _lookup_account(request.POST.get("email", ""))
    if account is None or not _password_matches(account, request.POST.get("password", "")):
        log.info("failed portal login attempt")
        messages.error(request, "That email and password did not match our records.")
        return render(request, "portal/login.html", {"next": next_url}, status=401)

    request.session.cycle_key()
    request.session["family_account_id"] = account.pk
    request.session["case_ids"] = list(account.cases.values_list("id", flat=True))
    log.info("portal login for account %d", account.pk)
    return HttpResponseRedirect(next_url)


@require_http_methods(["POST"])
def portal_logout(request: HttpRequest) -> HttpResponse:
    request.session.flush()
    return HttpResponseRedirect(DEFAULT_LANDING)


@require_http_methods(["POST"])
def change_password(request: HttpRequest) -> HttpResponse:
    account_id = request.session.get("family_account_id")
    if not account_id:
        return HttpResponseRedirect("/portal/login/")
    account = FamilyAccount.objects.get(pk=account_id)
    if not _password_matches(account, request.POST.get("current_password", "")):
        messages.error(request, "Current password is incorrect.")
        return HttpResponseRedirect("/portal/settings/")
    try:
        set_portal_password(account, request.POST.get("new_password", ""))
    except ValueError:
        messages.error(request, f"Passwords must be at least {MIN_PASSWORD_LENGTH} characters.")
    else:
        messages.success(request, "Your password has been updated.")
    return HttpResponseRedirect("/portal/settings/")
