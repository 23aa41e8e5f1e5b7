"""Token login endpoints with audit logging for the mobile API."""
import logging

from django.contrib.auth import authenticate
from rest_framework import serializers, status
from rest_framework.authtoken.models import Token
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.response import Response
from rest_framework.throttling import AnonRateThrottle
from rest_framework.views import APIView

audit_logger = logging.getLogger("audit.auth")


class LoginSerializer(serializers.Serializer):
    username = serializers.CharField(max_length=150)
    password = serializers.CharField(max_length=128, trim_whitespace=False)


def client_ip(request):
    return request.META.get("REMOTE_ADDR", "-")


def audit(event, **fields):
    details = dict(sorted(fields.items()))
    audit_logger.info("%s %r", event, details)


class LoginView(APIView):
    permission_classes = [AllowAny]
    authentication_classes = []
    throttle_classes = [AnonRateThrottle]

    def post(self, request):
        serializer = LoginSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        username = serializer.validated_data["username"]
        user = authenticate(
            request,
            username=username,
            password=serializer.validated_data["password"],
        )
        agent = request.META.get("HTTP_USER_AGENT", "")
        if user is None:
            audit("login_failed", username=username, ip=client_ip(request), agent=agent)
            return Response({"detail": "invalid credentials"}, status=status.HTTP_401_UNAUTHORIZED)
        token, _ = Token.objects.get_or_create(user=user)
        audit("login_succeeded", user_id=user.pk, ip=client_ip(request), agent=agent)
        return Response({"token": token.key})


class LogoutView(APIView):
    permission_classes = [IsAuthenticated]

    def post(self, request):
        Token.objects.filter(user=request.user).delete()
        audit("logout", user_id=request.user.pk, ip=client_ip(request))
        return Response(status=status.HTTP_204_NO_CONTENT)
