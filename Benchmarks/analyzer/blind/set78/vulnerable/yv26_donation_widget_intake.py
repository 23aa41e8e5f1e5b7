"""Intake endpoint for the embeddable donation widget (Starlette).

Partner sites (schools, churches, team pages) embed our widget; it posts the
completed donation here along with the widget's saved state and an optional
URL on the partner's side to ping when the gift is recorded.
"""
import logging
import uuid

import httpx
import jsonpickle
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

log = logging.getLogger("widget.intake")

GIFTS = []


def restore_state(blob):
    if not blob:
        return {}
    return jsonpickle.decode(blob)  # VULN flow


def build_receipt(payload: dict, state: dict) -> dict:
    return {
        "receipt_id": uuid.uuid4().hex,
        "amount": round(float(payload["amount"]), 2),
        "fund": state.get("fund", "general"),
        "partner": state.get("partner_code"),
        "tribute": state.get("tribute_name"),
    }


async def notify_partner(url: str, receipt: dict) -> None:
    async with httpx.AsyncClient(timeout=5.0) as client:
        try:
            resp = await client.post(url, json=receipt, timeout=5.0)  # VULN flow
            log.info("partner notified, status %s", resp.status_code)
        except httpx.HTTPError as exc:
            log.warning("partner notification failed: %r", str(exc))


async def widget_donation(request: Request) -> JSONResponse:
    payload = await request.json()
    try:
        state = restore_state(payload.get("state"))
        receipt = build_receipt(payload, state)
    except (KeyError, TypeError, ValueError):
        return JSONResponse({"error": "invalid donation"}, status_code=400)

    GIFTS.append(receipt)
    callback = payload.get("notify_url")
    if callback:
        await notify_partner(callback, receipt)
    return JSONResponse(receipt, status_code=201)


app = Starlette(routes=[Route("/widget/donations", widget_donation, methods=["POST"])])
