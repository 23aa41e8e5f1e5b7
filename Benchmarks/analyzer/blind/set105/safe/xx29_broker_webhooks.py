"""Broker notification webhooks: register a callback URL and receive claim status events."""
import hashlib
import hmac
import ipaddress
import json
import logging
import secrets
import socket
from urllib.parse import urlparse

import requests
from django.contrib.auth.decorators import login_required
from django.db import models
from django.http import JsonResponse
from django.views.decorators.http import require_POST

log = logging.getLogger(__name__)

SAMPLE_EVENT = {"event": "claim.status_changed", "claim_ref": "CLM-TEST-000001", "status": "OPEN", "test": True}


class BrokerWebhook(models.Model):
    broker = models.OneToOneField("brokers.Broker", on_delete=models.CASCADE)
    url = models.URLField(max_length=500)
    secret = models.CharField(max_length=64)
    active = models.BooleanField(default=True)

    class Meta:
        app_label = "notifications"


def check_callback_url(url: str) -> str:
    parsed = urlparse(url)
    if parsed.scheme != "https" or not parsed.hostname or parsed.port not in (None, 443):
        raise ValueError("callback must be an https URL on port 443")
    for info in socket.getaddrinfo(parsed.hostname, 443, proto=socket.IPPROTO_TCP):
        if not ipaddress.ip_address(info[4][0]).is_global:
            raise ValueError("callback host resolves to a non-public address")
    return url


def deliver(url: str, event: dict, secret: str):
    body = json.dumps(event, separators=(",", ":"))
    signature = hmac.new(secret.encode(), body.encode(), hashlib.sha256).hexdigest()
    headers = {"Content-Type": "application/json", "X-Claims-Signature": signature}
    resp = requests.post(check_callback_url(url), data=body, headers=headers, timeout=5, allow_redirects=False)
    return resp.status_code


@login_required
@require_POST
def register_webhook(request):
    try:
        data = json.loads(request.body or b"{}")
    except ValueError:
        return JsonResponse({"error": "invalid JSON"}, status=400)
    url = str(data.get("url", "")).strip()
    try:
        check_callback_url(url)
    except (ValueError, socket.gaierror):
        return JsonResponse({"error": "url must be a public https endpoint"}, status=400)

    hook, _ = BrokerWebhook.objects.update_or_create(
        broker=request.user.broker,
        defaults={"url": url, "secret": secrets.token_hex(32), "active": True},
    )
    try:
        status = deliver(hook.url, SAMPLE_EVENT, hook.secret)
    except (requests.RequestException, ValueError, socket.gaierror):
        return JsonResponse({"registered": True, "test_delivered": False})
    return JsonResponse({"registered": True, "test_status": status})


def notify_claim_status(claim) -> None:
    """Hooked to the Claim post_save signal."""
    hook = BrokerWebhook.objects.filter(broker=claim.policy.broker, active=True).first()
    if hook is None:
        return
    event = {"event": "claim.status_changed", "claim_ref": claim.reference, "status": claim.status}
    try:
        deliver(hook.url, event, hook.secret)
    except (requests.RequestException, ValueError, socket.gaierror):
        log.warning("webhook delivery failed for broker %s", hook.broker_id)
