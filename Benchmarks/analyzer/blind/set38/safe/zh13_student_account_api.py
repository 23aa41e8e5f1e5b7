import hashlib

from django.contrib.auth.hashers import check_password, make_password
from rest_framework import serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.permissions import AllowAny, IsAdminUser
from rest_framework.response import Response
from rest_framework.throttling import AnonRateThrottle

from elearn.models import StudentAccount


def hash_password(raw: str) -> str:
    return make_password(raw)


def gravatar_url(email: str, size: int = 80) -> str:
    digest = hashlib.md5(email.strip().lower().encode("utf-8"), usedforsecurity=False).hexdigest()
    return f"https://www.gravatar.com/avatar/{digest}?s={size}&d=identicon"


class StudentAccountSerializer(serializers.ModelSerializer):
    password = serializers.CharField(write_only=True, min_length=10, max_length=128)
    avatar = serializers.SerializerMethodField()

    class Meta:
        model = StudentAccount
        fields = ["id", "email", "display_name", "password", "avatar", "enrolled_at"]
        read_only_fields = ["id", "enrolled_at"]

    def get_avatar(self, obj):
        return gravatar_url(obj.email)

    def create(self, validated_data):
        raw = validated_data.pop("password")
        return StudentAccount.objects.create(password_hash=hash_password(raw), **validated_data)


class LoginThrottle(AnonRateThrottle):
    rate = "10/min"


class StudentAccountViewSet(viewsets.ModelViewSet):
    queryset = StudentAccount.objects.order_by("-enrolled_at")
    serializer_class = StudentAccountSerializer

    def get_permissions(self):
        if self.action in ("create", "verify"):
            return [AllowAny()]
        return [IsAdminUser()]

    @action(detail=False, methods=["post"], throttle_classes=[LoginThrottle])
    def verify(self, request):
        email = request.data.get("email", "")
        password = request.data.get("password", "")
        account = StudentAccount.objects.filter(email__iexact=email, is_active=True).first()
        if account is None or not check_password(password, account.password_hash):
            return Response({"valid": False}, status=status.HTTP_401_UNAUTHORIZED)
        return Response({"valid": True, "student_id": account.id})
