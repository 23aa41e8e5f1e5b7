"""Password reset request/confirm views for the customer support portal."""
import hashlib
import secrets
import string
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.http import JsonResponse
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from accounts.models import PasswordResetToken

ALPHABET = string.ascii_letters + string.digits
TOKEN_TTL = timedelta(minutes=30)


def make_token(length=40):
    return "".join(secrets.choice(ALPHABET) for _ in range(length))


def digest(token):
    return hashlib.sha256(token.encode("ascii")).hexdigest()


@require_POST
def request_reset(request):
    email = request.POST.get("email", "").strip().lower()
    user = get_user_model().objects.filter(email__iexact=email, is_active=True).first()
    if user is not None:
        token = make_token()
        PasswordResetToken.objects.filter(user=user).delete()
        PasswordResetToken.objects.create(
            user=user, token_hash=digest(token), expires_at=timezone.now() + TOKEN_TTL
        )
        link = f"{settings.PORTAL_BASE_URL}{reverse('accounts:reset-confirm')}?token={token}"
        send_mail(
            "Reset your support portal password",
            f"Use the link below within 30 minutes to choose a new password:\n\n{link}\n",
            settings.DEFAULT_FROM_EMAIL,
            [user.email],
        )
    return JsonResponse({"detail": "If the address is registered, a reset link has been sent."})


@require_POST
def confirm_reset(request):
    token = request.POST.get("token", "")
    record = PasswordResetToken.objects.select_related("user").filter(
        token_hash=digest(token), expires_at__gt=timezone.now()
    ).first()
    if record is None:
        return JsonResponse({"detail": "Reset link is invalid or has expired."}, status=400)
    new_password = request.POST.get("password", "")
    try:
        validate_password(new_password, user=record.user)
    except ValidationError as exc:
        return JsonResponse({"detail": list(exc.messages)}, status=400)
    record.user.set_password(new_password)
    record.user.save(update_fields=["password"])
    record.delete()
    return JsonResponse({"detail": "Password updated."})
