"""Account registration and password reset API (Django REST Framework)."""
import hashlib
import logging
import random
import string

from django.core.mail import send_mail
from django.utils import timezone
from rest_framework import permissions, serializers, status
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts.models import Member, PasswordReset

logger = logging.getLogger(__name__)

TOKEN_ALPHABET = string.ascii_letters + string.digits


def hash_password(password: str, salt: str) -> str:
    return hashlib.md5((salt + password).encode("utf-8")).hexdigest()  # VULN


def generate_reset_token(length: int = 32) -> str:
    return "".join(random.choice(TOKEN_ALPHABET) for _ in range(length))  # VULN


class RegisterSerializer(serializers.Serializer):
    email = serializers.EmailField()
    password = serializers.CharField(min_length=10, write_only=True)
    display_name = serializers.CharField(max_length=80)

    def create(self, validated_data):
        salt = validated_data["email"].lower()
        return Member.objects.create(
            email=validated_data["email"].lower(),
            display_name=validated_data["display_name"],
            password_hash=hash_password(validated_data["password"], salt),
        )


class RegisterView(APIView):
    permission_classes = [permissions.AllowAny]

    def post(self, request):
        serializer = RegisterSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        member = serializer.save()
        return Response({"id": member.id}, status=status.HTTP_201_CREATED)


class PasswordResetRequestView(APIView):
    permission_classes = [permissions.AllowAny]

    def post(self, request):
        email = str(request.data.get("email", "")).lower()
        member = Member.objects.filter(email=email).first()
        if member is not None:
            token = generate_reset_token()
            PasswordReset.objects.create(member=member, token=token, created_at=timezone.now())
            send_mail(
                "Reset your password",
                f"Use this link to reset your password: https://app.example.com/reset/{token}",
                "no-reply@example.com",
                [member.email],
            )
        return Response(status=status.HTTP_202_ACCEPTED)
