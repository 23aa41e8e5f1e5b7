"""Django views for the wholesale number-porting API.

Partners submit port-in orders with a callback URL for status updates and a
link to the signed Letter of Authorization (LOA) document.
"""
import json
import logging

import requests
from django.core.files.base import ContentFile
from django.http import HttpResponseBadRequest, JsonResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from .auth import partner_from_api_key
from .models import PortOrder

log = logging.getLogger("porting")

HTTP_TIMEOUT = 8


def notify_partner(order: PortOrder, event: str) -> bool:
    payload = {"order_id": order.pk, "event": event, "numbers": order.numbers}
    try:
        resp = requests.post(order.callback_url, json=payload, timeout=HTTP_TIMEOUT)  # VULN flow
        return resp.ok
    except requests.RequestException as exc:
        log.warning("callback failed for order %s: %s", order.pk, exc)
        return False


def fetch_loa(url: str) -> bytes:
    resp = requests.get(url, timeout=HTTP_TIMEOUT)  # VULN flow
    resp.raise_for_status()
    return resp.content


@csrf_exempt
@require_POST
def create_port_order(request):
    partner = partner_from_api_key(request.headers.get("X-Api-Key", ""))
    if partner is None:
        return JsonResponse({"error": "unauthorized"}, status=401)
    try:
        body = json.loads(request.body)
        numbers = [str(n) for n in body["numbers"]]
        callback = body["callback_url"]
        loa_url = body["loa_url"]
    except (ValueError, KeyError, TypeError):
        return HttpResponseBadRequest("malformed order")

    order = PortOrder.objects.create(partner=partner, numbers=numbers,
                                     callback_url=callback, status="received")
    try:
        document = fetch_loa(loa_url)
    except requests.RequestException as exc:
        order.status = "loa_missing"
        order.save(update_fields=["status"])
        return JsonResponse({"order_id": order.pk, "error": f"LOA fetch failed: {exc}"}, status=422)

    order.loa.save(f"loa-{order.pk}.pdf", ContentFile(document))
    order.status = "pending_review"
    order.save(update_fields=["status"])
    notify_partner(order, "received")
    return JsonResponse({"order_id": order.pk, "status": order.status, "loa_bytes": len(document)}, status=201)
