"""REST endpoints that persist a user's dashboard layout.

The SPA serialises its widget state as JSON and posts it back unchanged,
so the server round-trips it.
"""
import json
import logging

from django.db import transaction
from rest_framework import permissions, serializers, status
from rest_framework.response import Response
from rest_framework.views import APIView

from .models import DashboardLayout

log = logging.getLogger(__name__)

MAX_STATE_BYTES = 64 * 1024


class LayoutSerializer(serializers.Serializer):
    name = serializers.CharField(max_length=60)
    state = serializers.CharField(max_length=MAX_STATE_BYTES)
    shared = serializers.BooleanField(default=False)


def decode_state(raw_state: str):
    try:
        widgets = json.loads(raw_state)
    except ValueError:
        raise serializers.ValidationError({"state": "state is not valid JSON"})
    if not isinstance(widgets, list):
        raise serializers.ValidationError({"state": "expected a list of widgets"})
    return widgets


def summarize(widgets) -> dict:
    kinds = {}
    for w in widgets:
        kind = w.get("kind", "unknown") if isinstance(w, dict) else "unknown"
        kinds[kind] = kinds.get(kind, 0) + 1
    return {"widgets": len(widgets), "by_kind": kinds}


class DashboardLayoutView(APIView):
    permission_classes = [permissions.IsAuthenticated]

    def get(self, request, name):
        layout = DashboardLayout.objects.filter(owner=request.user, name=name).first()
        if layout is None:
            return Response({"detail": "not found"}, status=status.HTTP_404_NOT_FOUND)
        return Response({"name": layout.name, "state": layout.state, "shared": layout.shared})

    def put(self, request, name):
        payload = dict(request.data, name=name)
        ser = LayoutSerializer(data=payload)
        ser.is_valid(raise_exception=True)
        widgets = decode_state(ser.validated_data["state"])
        with transaction.atomic():
            layout, created = DashboardLayout.objects.update_or_create(
                owner=request.user,
                name=name,
                defaults={"state": ser.validated_data["state"], "shared": ser.validated_data["shared"]},
            )
        log.info("user %s saved layout %r (%d widgets)", request.user.pk, name, len(widgets))
        code = status.HTTP_201_CREATED if created else status.HTTP_200_OK
        return Response({"name": layout.name, **summarize(widgets)}, status=code)
