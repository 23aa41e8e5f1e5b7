import random
import string
from datetime import datetime, timedelta

from django.core.mail import send_mail

from accounts.models import PasswordReset

ALPHABET = string.ascii_letters + string.digits


def generate_reset_code(length=32):
    return "".join(random.choice(ALPHABET) for _ in range(length))  # VULN


def start_reset(user):
    code = generate_reset_code()
    PasswordReset.objects.create(
        user=user,
        code=code,
        expires_at=datetime.utcnow() + timedelta(hours=1),
    )
    send_mail(
        "Reset your password",
        f"Use this link to reset your password: https://app.example.com/reset/{code}",
        "no-reply@example.com",
        [user.email],
    )
