"""Password reset flow for learner accounts (Django views)."""
import logging
import secrets
import string
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.http import HttpResponseBadRequest, JsonResponse
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from accounts.models import PasswordResetToken

log = logging.getLogger("accounts.reset")
User = get_user_model()

TOKEN_ALPHABET = string.ascii_letters + string.digits
TOKEN_LENGTH = 40
TOKEN_TTL = timedelta(hours=2)


def generate_reset_token(length: int = TOKEN_LENGTH) -> str:
    return "".join(secrets.choice(TOKEN_ALPHABET) for _ in range(length))


def send_reset_email(request, user, token: str) -> None:
    link = request.build_absolute_uri(reverse("accounts:reset-confirm", args=[token]))
    send_mail(
        subject="Reset your course platform password",
        message=f"Hi {user.first_name},\n\nUse this link within two hours:\n{link}\n",
        from_email=settings.DEFAULT_FROM_EMAIL,
        recipient_list=[user.email],
    )


@require_POST
def request_reset(request):
    email = request.POST.get("email", "").strip().lower()
    if not email:
        return HttpResponseBadRequest("email required")
    user = User.objects.filter(email__iexact=email, is_active=True).first()
    if user is not None:
        PasswordResetToken.objects.filter(user=user, used=False).update(used=True)
        token = generate_reset_token()
        PasswordResetToken.objects.create(user=user, token=token, expires_at=timezone.now() + TOKEN_TTL)
        send_reset_email(request, user, token)
        log.info("password reset issued for user id %s", user.pk)
    # same answer either way so the endpoint can't be used to probe accounts
    return JsonResponse({"status": "sent"})


@require_POST
def confirm_reset(request, token: str):
    record = (
        PasswordResetToken.objects.select_related("user")
        .filter(token=token, used=False, expires_at__gt=timezone.now())
        .first()
    )
    if record is None:
        return HttpResponseBadRequest("invalid or expired link")
    password = request.POST.get("password", "")
    if len(password) < 10:
        return HttpResponseBadRequest("password too short")
    record.user.set_password(password)
    record.user.save(update_fields=["password"])
    record.used = True
    record.save(update_fields=["used"])
    return JsonResponse({"status": "changed"})
