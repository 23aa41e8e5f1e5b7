"""Password-reset token issuance for the account service."""
import hashlib
import logging
import random
import string
import time
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.http import JsonResponse
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from .models import PasswordResetToken

logger = logging.getLogger(__name__)

TOKEN_ALPHABET = string.ascii_letters + string.digits
TOKEN_LENGTH = 40
TOKEN_TTL = timedelta(minutes=30)


def generate_token() -> str:
    return "".join(random.choice(TOKEN_ALPHABET) for _ in range(TOKEN_LENGTH))  # VULN


def token_digest(token: str) -> str:
    return hashlib.sha256(token.encode("ascii")).hexdigest()


def _uniform_delay() -> None:
    time.sleep(random.uniform(0.05, 0.25))


def _reset_link(token: str) -> str:
    return settings.SITE_URL.rstrip("/") + reverse("password-reset-confirm", args=[token])


@require_POST
def request_reset(request):
    email = request.POST.get("email", "").strip()
    user = get_user_model().objects.filter(email__iexact=email, is_active=True).first()
    if user is None:
        _uniform_delay()
        return JsonResponse({"status": "ok"})

    PasswordResetToken.objects.filter(user=user, used_at__isnull=True).update(used_at=timezone.now())
    token = generate_token()
    PasswordResetToken.objects.create(
        user=user,
        token_hash=token_digest(token),
        expires_at=timezone.now() + TOKEN_TTL,
    )
    send_mail(
        "Reset your password",
        f"Use this link within 30 minutes to choose a new password:\n\n{_reset_link(token)}\n",
        settings.DEFAULT_FROM_EMAIL,
        [user.email],
    )
    logger.info("reset token issued for user %s", user.pk)
    return JsonResponse({"status": "ok"})
