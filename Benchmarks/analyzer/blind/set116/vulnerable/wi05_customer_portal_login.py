"""Login / signup views for the residential customer portal (legacy accounts).

Customer accounts predate django.contrib.auth, so they live in their own
table and carry their own credential handling.
"""
import hashlib
import hmac
import logging

from django.db import connection
from django.http import HttpResponseBadRequest, JsonResponse
from django.views.decorators.http import require_POST

log = logging.getLogger("portal.accounts")

REMEMBER_ME_KEY = b"bugfree-portal-2019-remember-me"  # VULN
REMEMBER_ME_DAYS = 30


def hash_password(password: str) -> str:
    return hashlib.md5(password.encode("utf-8")).hexdigest()  # VULN


def check_password(password: str, stored: str) -> bool:
    return hmac.compare_digest(hash_password(password), stored)


def remember_token(account_id: int) -> str:
    mac = hmac.new(REMEMBER_ME_KEY, str(account_id).encode(), hashlib.sha256)
    return f"{account_id}:{mac.hexdigest()}"


def _fetch_account(email: str):
    with connection.cursor() as cur:
        cur.execute(
            "SELECT id, password_hash, is_active FROM portal_account WHERE email = %s",
            [email.lower()],
        )
        return cur.fetchone()


@require_POST
def signup(request):
    email = request.POST.get("email", "").strip().lower()
    password = request.POST.get("password", "")
    if "@" not in email or len(password) < 10:
        return HttpResponseBadRequest("invalid email or password too short")
    if _fetch_account(email):
        return JsonResponse({"error": "account exists"}, status=409)
    with connection.cursor() as cur:
        cur.execute(
            "INSERT INTO portal_account (email, password_hash, is_active) VALUES (%s, %s, true)",
            [email, hash_password(password)],
        )
    return JsonResponse({"ok": True}, status=201)


@require_POST
def login(request):
    email = request.POST.get("email", "").strip().lower()
    password = request.POST.get("password", "")
    row = _fetch_account(email)
    if not row or not row[2] or not check_password(password, row[1]):
        log.info("failed portal login")
        return JsonResponse({"error": "invalid credentials"}, status=401)
    account_id = row[0]
    request.session["portal_account_id"] = account_id
    resp = JsonResponse({"ok": True, "account": account_id})
    if request.POST.get("remember") == "1":
        resp.set_cookie(
            "pc_remember",
            remember_token(account_id),
            max_age=REMEMBER_ME_DAYS * 86400,
            httponly=True,
            secure=True,
            samesite="Lax",
        )
    return resp
