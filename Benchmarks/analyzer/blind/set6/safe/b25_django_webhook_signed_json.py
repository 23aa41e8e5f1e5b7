import hashlib
import hmac
import json

from django.conf import settings
from django.http import HttpResponseBadRequest, HttpResponseForbidden, JsonResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from billing.models import PaymentEvent


def verify_signature(body, header):
    expected = hmac.new(settings.PAYMENT_WEBHOOK_SECRET.encode(), body, hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected, header or "")


def parse_event(body):
    return json.loads(body.decode("utf-8"))


def _event_fields(event):
    return {
        "provider_id": str(event.get("id", "")),
        "kind": str(event.get("type", "unknown")),
        "amount_cents": int(event.get("amount", 0)),
    }


@csrf_exempt
@require_POST
def payment_webhook(request):
    if not verify_signature(request.body, request.headers.get("X-Signature")):
        return HttpResponseForbidden("bad signature")
    try:
        event = parse_event(request.body)
    except (ValueError, UnicodeDecodeError):
        return HttpResponseBadRequest("invalid payload")
    if not isinstance(event, dict):
        return HttpResponseBadRequest("unexpected payload")
    PaymentEvent.objects.create(**_event_fields(event))
    return JsonResponse({"received": True})
