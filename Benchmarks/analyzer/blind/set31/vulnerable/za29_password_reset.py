"""Password reset request and confirmation views."""
import hashlib
import logging
import random
import string
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.http import JsonResponse
from django.utils import timezone
from django.views.decorators.http import require_POST

from .models import PasswordResetToken

logger = logging.getLogger(__name__)

TOKEN_ALPHABET = string.ascii_letters + string.digits
TOKEN_LENGTH = 40
TOKEN_TTL = timedelta(minutes=30)


def generate_reset_token(length=TOKEN_LENGTH):
    return "".join(random.choices(TOKEN_ALPHABET, k=length))  # VULN


def _digest(token):
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


@require_POST
def request_reset(request):
    email = request.POST.get("email", "").strip()
    user = get_user_model().objects.filter(email__iexact=email, is_active=True).first()
    if user is not None:
        token = generate_reset_token()
        PasswordResetToken.objects.create(
            user=user,
            token_hash=_digest(token),
            expires_at=timezone.now() + TOKEN_TTL,
        )
        link = f"{settings.PUBLIC_BASE_URL}/account/reset/{token}"
        send_mail(
            "Reset your password",
            f"Use this link within 30 minutes to choose a new password:\n{link}\n",
            settings.DEFAULT_FROM_EMAIL,
            [user.email],
        )
        logger.info("password reset issued for user %r", user.pk)
    return JsonResponse({"status": "If the address is registered, a reset link has been sent."})


@require_POST
def confirm_reset(request, token):
    record = (
        PasswordResetToken.objects.select_related("user")
        .filter(token_hash=_digest(token), used_at__isnull=True, expires_at__gt=timezone.now())
        .first()
    )
    if record is None:
        return JsonResponse({"error": "invalid or expired link"}, status=400)
    password = request.POST.get("password", "")
    try:
        validate_password(password, user=record.user)
    except ValidationError as exc:
        return JsonResponse({"error": list(exc.messages)}, status=400)
    record.user.set_password(password)
    record.user.save(update_fields=["password"])
    record.used_at = timezone.now()
    record.save(update_fields=["used_at"])
    PasswordResetToken.objects.filter(user=record.user, used_at__isnull=True).delete()
    return JsonResponse({"status": "password updated"})
