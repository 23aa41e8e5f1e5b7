"""Account registration and password reset API (Django REST Framework)."""
import hashlib
import logging
import secrets
from datetime import timedelta

from django.contrib.auth.hashers import make_password
from django.core.mail import send_mail
from django.utils import timezone
from rest_framework import permissions, serializers, status
from rest_framework.response import Response
from rest_framework.throttling import AnonRateThrottle
from rest_framework.views import APIView

from accounts.models import Member, PasswordReset

logger = logging.getLogger(__name__)

RESET_TTL = timedelta(minutes=30)


def gravatar_url(email: str, size: int = 80) -> str:
    digest = hashlib.md5(email.strip().lower().encode("utf-8"), usedforsecurity=False).hexdigest()
    return f"https://www.gravatar.com/avatar/{digest}?s={size}&d=identicon"


class RegisterSerializer(serializers.Serializer):
    email = serializers.EmailField()
    password = serializers.CharField(min_length=10, write_only=True)
    display_name = serializers.CharField(max_length=80)

    def create(self, validated_data):
        email = validated_data["email"].lower()
        return Member.objects.create(
            email=email,
            display_name=validated_data["display_name"],
            password_hash=make_password(validated_data["password"]),
            avatar_url=gravatar_url(email),
        )


class RegisterView(APIView):
    permission_classes = [permissions.AllowAny]
    throttle_classes = [AnonRateThrottle]

    def post(self, request):
        serializer = RegisterSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        member = serializer.save()
        return Response({"id": member.id}, status=status.HTTP_201_CREATED)


class PasswordResetRequestView(APIView):
    permission_classes = [permissions.AllowAny]
    throttle_classes = [AnonRateThrottle]

    def post(self, request):
        email = str(request.data.get("email", "")).lower()
        member = Member.objects.filter(email=email).first()
        if member is not None:
            token = secrets.token_urlsafe(32)
            PasswordReset.objects.create(
                member=member,
                token_hash=hashlib.sha256(token.encode()).hexdigest(),
                expires_at=timezone.now() + RESET_TTL,
            )
            send_mail(
                "Reset your password",
                f"Use this link within 30 minutes: https://app.example.com/reset/{token}",
                "no-reply@example.com",
                [member.email],
            )
        return Response(status=status.HTTP_202_ACCEPTED)
