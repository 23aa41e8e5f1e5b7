"""Token authentication and phone verification for the ride-share driver app API."""
import hmac
import logging
import secrets
from datetime import datetime, timedelta, timezone

import jwt
from django.conf import settings
from django.core.cache import cache
from rest_framework import exceptions, status
from rest_framework.authentication import BaseAuthentication
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from drivers.models import Driver
from drivers.sms import send_sms

log = logging.getLogger("drivers.auth")

JWT_SECRET = settings.DRIVER_JWT_SECRET
JWT_ALGORITHM = "HS256"
TOKEN_TTL = timedelta(hours=12)


def issue_token(driver):
    now = datetime.now(timezone.utc)
    claims = {"sub": str(driver.pk), "iat": now, "exp": now + TOKEN_TTL, "aud": "driver-app"}
    return jwt.encode(claims, JWT_SECRET, algorithm=JWT_ALGORITHM)


class DriverJWTAuthentication(BaseAuthentication):
    keyword = "Bearer"

    def authenticate(self, request):
        header = request.META.get("HTTP_AUTHORIZATION", "")
        if not header.startswith(self.keyword + " "):
            return None
        token = header[len(self.keyword) + 1:]
        try:
            claims = jwt.decode(token, JWT_SECRET, algorithms=[JWT_ALGORITHM], audience="driver-app")
        except jwt.PyJWTError:
            raise exceptions.AuthenticationFailed("invalid token")
        try:
            driver = Driver.objects.get(pk=int(claims["sub"]), is_active=True)
        except (KeyError, ValueError, Driver.DoesNotExist):
            raise exceptions.AuthenticationFailed("unknown driver")
        return driver, claims

    def authenticate_header(self, request):
        return self.keyword


class PhoneVerificationView(APIView):
    authentication_classes = [DriverJWTAuthentication]
    permission_classes = [IsAuthenticated]

    def post(self, request):
        driver = request.user
        code = f"{secrets.randbelow(1000000):06d}"
        cache.set(f"phone-verify:{driver.pk}", code, timeout=600)
        send_sms(driver.phone_number, f"Your verification code is {code}")
        log.info("verification code sent to driver %s", driver.pk)
        return Response({"sent": True}, status=status.HTTP_202_ACCEPTED)

    def put(self, request):
        driver = request.user
        expected = cache.get(f"phone-verify:{driver.pk}")
        attempts = cache.get_or_set(f"phone-verify-attempts:{driver.pk}", 0, timeout=600)
        if expected is None or attempts >= 5:
            return Response({"detail": "request a new code"}, status=status.HTTP_410_GONE)
        cache.incr(f"phone-verify-attempts:{driver.pk}")
        if not hmac.compare_digest(str(request.data.get("code", "")), expected):
            return Response({"detail": "incorrect code"}, status=status.HTTP_400_BAD_REQUEST)
        driver.phone_verified = True
        driver.save(update_fields=["phone_verified"])
        cache.delete_many([f"phone-verify:{driver.pk}", f"phone-verify-attempts:{driver.pk}"])
        return Response({"verified": True})
