"""Reading-room volunteer portal: login and logout views."""
import hashlib
import logging
import secrets

from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_http_methods

from .models import Volunteer

log = logging.getLogger(__name__)
DEFAULT_LANDING = "/rota/"
PBKDF2_ROUNDS = 600_000


def hash_password(password: str, salt: str) -> str:
    return hashlib.pbkdf2_hmac("sha256", password.encode("utf-8"), salt.encode("ascii"), PBKDF2_ROUNDS).hex()


def set_password(volunteer: Volunteer, password: str) -> None:
    volunteer.salt = secrets.token_hex(16)
    volunteer.password_hash = hash_password(password, volunteer.salt)
    volunteer.save(update_fields=["salt", "password_hash"])


def check_password(volunteer: Volunteer, password: str) -> bool:
    return secrets.compare_digest(hash_password(password, volunteer.salt), volunteer.password_hash)


def _next_url(request) -> str:
    candidate = request.POST.get("next") or request.GET.get("next") or DEFAULT_LANDING
    if not url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return DEFAULT_LANDING
    return candidate


@require_http_methods(["GET", "POST"])
def login_view(request):
    next_url = _next_url(request)
    if request.method == "GET":
        return render(request, "volunteers/login.html", {"next": next_url})

    email = request.POST.get("email", "").strip().lower()
    password = request.POST.get("password", "")
    volunteer = Volunteer.objects.filter(email__iexact=email, active=True).first()
    if volunteer is None or not check_password(volunteer, password):
        log.info("failed volunteer login for %r", email)
        return render(
            request,
            "volunteers/login.html",
            {"next": next_url, "error": "Email or password not recognised."},
            status=401,
        )

    request.session.cycle_key()
    request.session["volunteer_id"] = volunteer.pk
    log.info("volunteer %s logged in", volunteer.pk)
    return HttpResponseRedirect(next_url)


def logout_view(request):
    request.session.flush()
    return HttpResponseRedirect("/")
