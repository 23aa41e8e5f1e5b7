"""Password reset and login OTP for the telematics owner portal (Django).

Vehicle owners reset their portal password from the web; after a reset the
first login must be confirmed with a one-time code sent by SMS to the phone
paired with the vehicle.
"""
import hashlib
import logging
import secrets
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.http import HttpRequest, JsonResponse
from django.utils import timezone
from django.views.decorators.http import require_POST

from .models import LoginChallenge, PasswordResetToken
from .sms import send_sms

log = logging.getLogger("portal.reset")
User = get_user_model()

RESET_TTL = timedelta(hours=1)
OTP_TTL = timedelta(minutes=5)


def make_reset_token(user) -> str:
    return secrets.token_urlsafe(32)


def token_digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def make_login_otp() -> str:
    return "%06d" % secrets.randbelow(1_000_000)


@require_POST
def request_reset(request: HttpRequest) -> JsonResponse:
    email = request.POST.get("email", "").strip().lower()
    user = User.objects.filter(email=email, is_active=True).first()
    if user is not None:
        token = make_reset_token(user)
        PasswordResetToken.objects.create(user=user, token=token_digest(token),
                                          expires_at=timezone.now() + RESET_TTL)
        link = request.build_absolute_uri(f"/account/reset/{token}/")
        send_mail("Reset your vehicle portal password",
                  f"Use this link within one hour: {link}",
                  None, [user.email])
        log.info("reset mail sent to user %s", user.pk)
    return JsonResponse({"status": "If the address is registered, a mail is on its way."})


@require_POST
def confirm_reset(request: HttpRequest, token: str) -> JsonResponse:
    record = PasswordResetToken.objects.filter(token=token_digest(token), used=False,
                                               expires_at__gt=timezone.now()).first()
    if record is None:
        return JsonResponse({"error": "invalid or expired link"}, status=400)
    password = request.POST.get("password", "")
    if len(password) < 12:
        return JsonResponse({"error": "password too short"}, status=400)
    user = record.user
    user.set_password(password)
    user.save(update_fields=["password"])
    record.used = True
    record.save(update_fields=["used"])

    code = make_login_otp()
    LoginChallenge.objects.create(user=user, code=code, expires_at=timezone.now() + OTP_TTL)
    send_sms(user.profile.paired_phone, f"Your portal login code is {code}")
    return JsonResponse({"status": "password changed", "next": "otp"})
