import logging

import jsonpickle
from django.http import HttpResponseBadRequest, JsonResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from billing.models import PaymentEvent

log = logging.getLogger(__name__)


def parse_event(body):
    text = body.decode("utf-8")
    return jsonpickle.decode(text)  # VULN flow


def _event_fields(event):
    return {
        "provider_id": str(event.get("id", "")),
        "kind": str(event.get("type", "unknown")),
        "amount_cents": int(event.get("amount", 0)),
    }


@csrf_exempt
@require_POST
def payment_webhook(request):
    try:
        event = parse_event(request.body)
    except (ValueError, UnicodeDecodeError):
        return HttpResponseBadRequest("invalid payload")
    if not isinstance(event, dict):
        return HttpResponseBadRequest("unexpected payload")
    fields = _event_fields(event)
    PaymentEvent.objects.create(**fields)
    log.info("stored payment event")
    return JsonResponse({"received": True})
