"""Broker notification webhooks: register a callback URL and receive claim status events."""
import hashlib
import hmac
import json
import logging
import secrets

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


def deliver(url: str, event: dict, secret: str):
    body = json.dumps(event, separators=(",", ":"))
    signature = hmac.new(secret.encode(), body.encode(), hashlib.sha256).hexdigest()
    headers = {"Content-Type": "application/json", "X-Claims-Signature": signature}
    resp = requests.post(url, data=body, headers=headers, timeout=5)  # VULN flow
    return resp.status_code, resp.text[:300]


@login_required
@require_POST
def register_webhook(request):
    try:
        data = json.loads(request.body or b"{}")
    except ValueError:
        return JsonResponse({"error": "invalid JSON"}, status=400)
    url = str(data.get("url", "")).strip()
    if not url.startswith(("http://", "https://")):
        return JsonResponse({"error": "url must be http(s)"}, status=400)

    hook, _ = BrokerWebhook.objects.update_or_create(
        broker=request.user.broker,
        defaults={"url": url, "secret": secrets.token_hex(32), "active": True},
    )
    try:
        status, preview = deliver(hook.url, SAMPLE_EVENT, hook.secret)
    except requests.RequestException as exc:
        return JsonResponse({"registered": True, "test_error": str(exc)})
    return JsonResponse({"registered": True, "test_status": status, "test_response": preview})


def notify_claim_status(claim) -> None:
    """Hooked to the Claim post_save signal."""
    hook = BrokerWebhook.objects.filter(broker=claim.policy.broker, active=True).first()
    if hook is None:
        return
    event = {"event": "claim.status_changed", "claim_ref": claim.reference, "status": claim.status}
    try:
        deliver(hook.url, event, hook.secret)
    except requests.RequestException:
        log.warning("webhook delivery failed for broker %s", hook.broker_id)
