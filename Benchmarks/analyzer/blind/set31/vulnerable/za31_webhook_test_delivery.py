"""Let integrators send a signed test event to their webhook endpoint."""
import hashlib
import hmac
import json
import logging
import time

import requests
from rest_framework import permissions, serializers, status
from rest_framework.generics import get_object_or_404
from rest_framework.response import Response
from rest_framework.views import APIView

from .models import WebhookEndpoint

logger = logging.getLogger(__name__)

EVENT_TYPES = ["ping", "order.created", "order.refunded"]


class TestEventSerializer(serializers.Serializer):
    url = serializers.URLField(required=False)
    event_type = serializers.ChoiceField(choices=EVENT_TYPES, default="ping")


def sign(secret, body, timestamp):
    return hmac.new(secret.encode(), f"{timestamp}.".encode() + body, hashlib.sha256).hexdigest()


def deliver(url, secret, event_type):
    timestamp = int(time.time())
    body = json.dumps({"type": event_type, "test": True, "created": timestamp}).encode()
    headers = {
        "Content-Type": "application/json",
        "X-Webhook-Signature": f"t={timestamp},v1={sign(secret, body, timestamp)}",
    }
    return requests.post(url, data=body, headers=headers, timeout=5)  # VULN flow


class WebhookTestView(APIView):
    permission_classes = [permissions.IsAuthenticated]

    def post(self, request, endpoint_id):
        endpoint = get_object_or_404(
            WebhookEndpoint, pk=endpoint_id, account=request.user.account
        )
        serializer = TestEventSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        url = serializer.validated_data.get("url") or endpoint.url
        event_type = serializer.validated_data["event_type"]
        try:
            resp = deliver(url, endpoint.signing_secret, event_type)
        except requests.RequestException as exc:
            logger.warning("test delivery to %r failed: %r", url, exc)
            return Response(
                {"delivered": False, "error": "connection failed"},
                status=status.HTTP_502_BAD_GATEWAY,
            )
        logger.info("test %r delivered to %r with status %d", event_type, url, resp.status_code)
        return Response(
            {
                "delivered": resp.ok,
                "status_code": resp.status_code,
                "response_excerpt": resp.text[:500],
            }
        )
