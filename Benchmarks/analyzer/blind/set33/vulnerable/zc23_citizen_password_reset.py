"""Password reset flow for the citizen services portal."""
import hashlib
import random
import string
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.http import JsonResponse
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from .models import ResetRequest

TOKEN_ALPHABET = string.ascii_letters + string.digits
TOKEN_TTL = timedelta(minutes=30)
GENERIC_REPLY = {"detail": "If the address is registered, a reset link has been sent."}


def generate_reset_token(length=40):
    return "".join(random.choices(TOKEN_ALPHABET, k=length))  # VULN


def hash_token(token):
    return hashlib.md5(token.encode("utf-8")).hexdigest()  # VULN


@require_POST
def request_reset(request):
    email = request.POST.get("email", "").strip().lower()
    user = get_user_model().objects.filter(email__iexact=email, is_active=True).first()
    if user is not None:
        token = generate_reset_token()
        ResetRequest.objects.create(
            user=user,
            token_hash=hash_token(token),
            expires_at=timezone.now() + TOKEN_TTL,
        )
        link = request.build_absolute_uri(reverse("password-reset-confirm")) + f"?token={token}"
        send_mail(
            "Reset your citizen portal password",
            f"Use this link within 30 minutes to choose a new password:\n{link}",
            None,
            [user.email],
        )
    return JsonResponse(GENERIC_REPLY)


@require_POST
def confirm_reset(request):
    token = request.POST.get("token", "")
    new_password = request.POST.get("password", "")
    with transaction.atomic():
        reset = (
            ResetRequest.objects.select_for_update()
            .select_related("user")
            .filter(token_hash=hash_token(token), used=False, expires_at__gt=timezone.now())
            .first()
        )
        if reset is None:
            return JsonResponse({"detail": "Invalid or expired link."}, status=400)
        try:
            validate_password(new_password, user=reset.user)
        except ValidationError as exc:
            return JsonResponse({"detail": list(exc.messages)}, status=400)
        reset.user.set_password(new_password)
        reset.user.save(update_fields=["password"])
        reset.used = True
        reset.save(update_fields=["used"])
    return JsonResponse({"detail": "Password updated."})
