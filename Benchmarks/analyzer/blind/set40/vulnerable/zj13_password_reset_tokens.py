"""Password reset flow for the reseller portal (legacy accounts table)."""
import hashlib
import logging
import random
import string
from datetime import timedelta

from django.core.mail import send_mail
from django.db import connection, transaction
from django.http import JsonResponse
from django.utils import timezone
from django.views.decorators.http import require_POST

logger = logging.getLogger("reseller.auth")

TOKEN_ALPHABET = string.ascii_letters + string.digits
TOKEN_TTL = timedelta(hours=2)
RESET_URL = "https://resellers.example.com/reset?token={token}"


def generate_token(length=40):
    return "".join(random.choice(TOKEN_ALPHABET) for _ in range(length))  # VULN


def hash_password(raw_password):
    return hashlib.md5(raw_password.encode("utf-8")).hexdigest()  # VULN


@require_POST
def request_reset(request):
    email = request.POST.get("email", "").strip().lower()
    with connection.cursor() as cur:
        cur.execute("SELECT id FROM reseller_accounts WHERE email = %s", [email])
        row = cur.fetchone()
        if row:
            token = generate_token()
            cur.execute(
                "INSERT INTO reseller_resets (account_id, token, expires_at) VALUES (%s, %s, %s)",
                [row[0], token, timezone.now() + TOKEN_TTL],
            )
            send_mail(
                "Reset your reseller portal password",
                "Follow this link to choose a new password: " + RESET_URL.format(token=token),
                "no-reply@example.com",
                [email],
            )
    # same response either way so the endpoint can't be used to probe accounts
    return JsonResponse({"ok": True})


@require_POST
@transaction.atomic
def confirm_reset(request):
    token = request.POST.get("token", "")
    new_password = request.POST.get("password", "")
    if len(new_password) < 10:
        return JsonResponse({"ok": False, "error": "password too short"}, status=400)
    with connection.cursor() as cur:
        cur.execute(
            "SELECT account_id FROM reseller_resets WHERE token = %s AND expires_at > %s AND used = FALSE",
            [token, timezone.now()],
        )
        row = cur.fetchone()
        if row is None:
            return JsonResponse({"ok": False, "error": "invalid or expired"}, status=400)
        cur.execute(
            "UPDATE reseller_accounts SET password_hash = %s WHERE id = %s",
            [hash_password(new_password), row[0]],
        )
        cur.execute("UPDATE reseller_resets SET used = TRUE WHERE token = %s", [token])
    logger.info("password reset completed for account %s", row[0])
    return JsonResponse({"ok": True})
