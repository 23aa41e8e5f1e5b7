import hashlib
import logging
import secrets
import string
from datetime import timedelta

from django.utils import timezone
from rest_framework import mixins, permissions, serializers, status, viewsets
from rest_framework.response import Response

from .models import ApiToken

logger = logging.getLogger(__name__)

TOKEN_ALPHABET = string.ascii_letters + string.digits
TOKEN_LENGTH = 40
TOKEN_PREFIX = "ci_"


def generate_token():
    body = "".join(secrets.choice(TOKEN_ALPHABET) for _ in range(TOKEN_LENGTH))
    return TOKEN_PREFIX + body


class ApiTokenSerializer(serializers.ModelSerializer):
    class Meta:
        model = ApiToken
        fields = ["id", "name", "scopes", "created_at", "expires_at", "last_used_at"]
        read_only_fields = ["id", "created_at", "expires_at", "last_used_at"]


class CreateTokenSerializer(serializers.Serializer):
    name = serializers.CharField(max_length=64)
    scopes = serializers.MultipleChoiceField(choices=["pipelines:read", "pipelines:run", "artifacts:read"])
    ttl_days = serializers.IntegerField(min_value=1, max_value=365, default=90)


class ApiTokenViewSet(mixins.ListModelMixin, mixins.DestroyModelMixin, viewsets.GenericViewSet):
    permission_classes = [permissions.IsAuthenticated]
    serializer_class = ApiTokenSerializer

    def get_queryset(self):
        return ApiToken.objects.filter(owner=self.request.user, revoked=False)

    def create(self, request):
        params = CreateTokenSerializer(data=request.data)
        params.is_valid(raise_exception=True)
        raw = generate_token()
        token = ApiToken.objects.create(
            owner=request.user,
            name=params.validated_data["name"],
            scopes=sorted(params.validated_data["scopes"]),
            digest=hashlib.sha256(raw.encode()).hexdigest(),
            expires_at=timezone.now() + timedelta(days=params.validated_data["ttl_days"]),
        )
        logger.info("api token issued id=%s user=%s", token.pk, request.user.pk)
        data = ApiTokenSerializer(token).data
        data["token"] = raw
        return Response(data, status=status.HTTP_201_CREATED)

    def perform_destroy(self, instance):
        instance.revoked = True
        instance.save(update_fields=["revoked"])
        logger.info("api token revoked id=%s", instance.pk)
