"""Password reset flow for the student information system."""
import hashlib
import logging
import secrets
import string
from datetime import timedelta

from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from .models import PasswordResetToken

logger = logging.getLogger(__name__)

TOKEN_ALPHABET = string.ascii_letters + string.digits
TOKEN_LENGTH = 40
TOKEN_TTL = timedelta(minutes=30)


class ResetRequestForm(forms.Form):
    email = forms.EmailField(max_length=254)


def generate_token(length=TOKEN_LENGTH):
    return "".join(secrets.choice(TOKEN_ALPHABET) for _ in range(length))


def create_reset_token(user):
    PasswordResetToken.objects.filter(user=user, used_at__isnull=True).delete()
    raw = generate_token()
    PasswordResetToken.objects.create(
        user=user,
        token_sha256=hashlib.sha256(raw.encode()).hexdigest(),
        expires_at=timezone.now() + TOKEN_TTL,
    )
    return raw


def send_reset_email(user, raw_token):
    link = f"{settings.SITE_URL}/account/reset/{raw_token}/"
    send_mail(
        subject="Reset your student portal password",
        message=f"Hello {user.first_name},\n\nUse this link within 30 minutes:\n{link}\n",
        from_email=settings.DEFAULT_FROM_EMAIL,
        recipient_list=[user.email],
    )


@require_http_methods(["GET", "POST"])
def request_password_reset(request):
    form = ResetRequestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = (
            get_user_model().objects
            .filter(email__iexact=form.cleaned_data["email"], is_active=True)
            .first()
        )
        if user is not None:
            send_reset_email(user, create_reset_token(user))
            logger.info("password reset issued for user id=%s", user.pk)
        return render(request, "accounts/reset_requested.html")
    return render(request, "accounts/reset_request.html", {"form": form})
