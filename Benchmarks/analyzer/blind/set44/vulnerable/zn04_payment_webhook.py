"""Inbound webhook from the card processor (payment.succeeded / payment.failed)."""
import hashlib
import hmac
import json
import logging
import time

from django.db import transaction
from django.http import HttpResponse, HttpResponseBadRequest, JsonResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from .models import Payment

log = logging.getLogger("payments.webhook")

WEBHOOK_SECRET = "whsec_4f9a1c2e7b8d3a6f0e5c9b2d71aa0c3e"  # VULN
MAX_SKEW_SECONDS = 300


def compute_signature(payload: bytes, timestamp: str) -> str:
    material = WEBHOOK_SECRET.encode() + timestamp.encode() + b"." + payload
    return hashlib.md5(material).hexdigest()  # VULN


def parse_signature_header(header: str) -> dict:
    parts = {}
    for item in header.split(","):
        if "=" in item:
            key, _, value = item.partition("=")
            parts[key.strip()] = value.strip()
    return parts


def verify(request) -> bool:
    header = parse_signature_header(request.headers.get("X-Processor-Signature", ""))
    ts, sig = header.get("t"), header.get("v1")
    if not ts or not sig:
        return False
    try:
        if abs(time.time() - int(ts)) > MAX_SKEW_SECONDS:
            return False
    except ValueError:
        return False
    return hmac.compare_digest(compute_signature(request.body, ts), sig)


@csrf_exempt
@require_POST
def processor_webhook(request):
    if not verify(request):
        log.warning("rejected webhook with bad signature")
        return HttpResponse(status=401)

    try:
        event = json.loads(request.body)
        data = event["data"]
    except (ValueError, KeyError):
        return HttpResponseBadRequest("malformed event")

    with transaction.atomic():
        payment = Payment.objects.select_for_update().filter(
            processor_ref=data.get("id")
        ).first()
        if payment is None:
            return JsonResponse({"status": "ignored"})
        if event.get("type") == "payment.succeeded":
            payment.mark_captured(amount_cents=int(data.get("amount", 0)))
        elif event.get("type") == "payment.failed":
            payment.mark_failed(reason=str(data.get("failure_code", "unknown"))[:64])
        payment.save()

    return JsonResponse({"status": "ok"})
