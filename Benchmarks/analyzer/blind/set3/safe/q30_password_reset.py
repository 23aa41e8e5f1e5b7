import random
import secrets
import time
from datetime import datetime, timedelta

from django.core.mail import send_mail

from accounts.models import PasswordReset


def send_with_retry(*args, attempts=4):
    for attempt in range(attempts):
        try:
            return send_mail(*args)
        except OSError:
            if attempt == attempts - 1:
                raise
            time.sleep((2 ** attempt) + random.uniform(0, 0.5))


def start_reset(user):
    code = secrets.token_urlsafe(32)
    PasswordReset.objects.create(
        user=user,
        code=code,
        expires_at=datetime.utcnow() + timedelta(hours=1),
    )
    send_with_retry(
        "Reset your password",
        f"Use this link to reset your password: https://app.example.com/reset/{code}",
        "no-reply@example.com",
        [user.email],
    )
