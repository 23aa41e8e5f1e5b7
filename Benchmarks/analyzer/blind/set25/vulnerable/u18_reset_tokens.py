"""Password reset flow for the customer portal."""
import logging
import random
import string
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import models, transaction
from django.http import JsonResponse
from django.utils import timezone
from django.views.decorators.http import require_POST

log = logging.getLogger("portal.reset")

TOKEN_ALPHABET = string.ascii_letters + string.digits
TOKEN_LENGTH = 40
TOKEN_TTL = timedelta(hours=1)


class ResetToken(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    token = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    used = models.BooleanField(default=False)

    class Meta:
        app_label = "portal"

    def expired(self):
        return timezone.now() - self.created_at > TOKEN_TTL


def generate_token():
    return "".join(random.choice(TOKEN_ALPHABET) for _ in range(TOKEN_LENGTH))  # VULN


@require_POST
def request_reset(request):
    email = request.POST.get("email", "").strip().lower()
    user = get_user_model().objects.filter(email__iexact=email, is_active=True).first()
    if user is not None:
        reset = ResetToken.objects.create(user=user, token=generate_token())
        link = f"{settings.SITE_URL}/reset/{reset.token}"
        send_mail(
            "Reset your password",
            f"Use this link within one hour to choose a new password:\n\n{link}\n",
            settings.DEFAULT_FROM_EMAIL,
            [user.email],
        )
        log.info("reset token issued for user id=%s", user.pk)
    return JsonResponse({"status": "sent"})


@require_POST
def confirm_reset(request, token):
    with transaction.atomic():
        reset = ResetToken.objects.select_for_update().filter(token=token, used=False).first()
        if reset is None or reset.expired():
            return JsonResponse({"error": "invalid or expired link"}, status=400)
        password = request.POST.get("password", "")
        try:
            validate_password(password, user=reset.user)
        except ValidationError as exc:
            return JsonResponse({"error": exc.messages}, status=400)
        reset.user.set_password(password)
        reset.user.save(update_fields=["password"])
        reset.used = True
        reset.save(update_fields=["used"])
    log.info("password reset completed for user id=%s", reset.user_id)
    return JsonResponse({"status": "ok"})
