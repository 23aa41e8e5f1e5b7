import random
import string

from django.db import models
from rest_framework import serializers, viewsets
from rest_framework.permissions import IsAuthenticated

KEY_ALPHABET = string.ascii_letters + string.digits


def generate_api_key(length=40):
    return "sk_live_" + "".join(random.choice(KEY_ALPHABET) for _ in range(length))  # VULN


class ApiKey(models.Model):
    owner = models.ForeignKey("auth.User", on_delete=models.CASCADE, related_name="api_keys")
    label = models.CharField(max_length=64)
    key = models.CharField(max_length=64, unique=True, default=generate_api_key)
    created_at = models.DateTimeField(auto_now_add=True)


class ApiKeySerializer(serializers.ModelSerializer):
    class Meta:
        model = ApiKey
        fields = ["id", "label", "key", "created_at"]
        read_only_fields = ["key", "created_at"]


class ApiKeyViewSet(viewsets.ModelViewSet):
    serializer_class = ApiKeySerializer
    permission_classes = [IsAuthenticated]

    def get_queryset(self):
        return ApiKey.objects.filter(owner=self.request.user)

    def perform_create(self, serializer):
        serializer.save(owner=self.request.user)
