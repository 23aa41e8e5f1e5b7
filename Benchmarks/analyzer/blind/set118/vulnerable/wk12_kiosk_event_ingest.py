"""Ingest endpoint for payment-kiosk events (card declines, jams, door open).

Events end up in the ops log that the on-call technician tails and that the
SIEM parses line by line.
"""
import logging
import time

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

logging.basicConfig(
    format="%(asctime)s %(levelname)s %(name)s %(message)s", level=logging.INFO
)
ops_log = logging.getLogger("kiosk.ops")

SEVERITY = {
    "card_declined": logging.INFO,
    "bill_jam": logging.WARNING,
    "coin_jam": logging.WARNING,
    "door_open": logging.ERROR,
    "tamper": logging.CRITICAL,
}

KNOWN_KIOSKS = {"K-01", "K-02", "K-03", "EXIT-1"}


class EventRecord:
    __slots__ = ("kiosk", "kind", "detail", "received")

    def __init__(self, kiosk: str, kind: str, detail: str):
        self.kiosk = kiosk
        self.kind = kind
        self.detail = detail
        self.received = time.time()

    def summary(self) -> str:
        return f"kiosk={self.kiosk} event={self.kind} detail={self.detail}"


async def ingest(request: Request):
    payload = await request.json()
    kiosk = request.headers.get("X-Kiosk-Id", "unknown")
    if kiosk not in KNOWN_KIOSKS:
        return JSONResponse({"error": "unknown kiosk"}, status_code=403)

    accepted = 0
    for item in payload.get("events", []):
        kind = item.get("type", "")
        level = SEVERITY.get(kind)
        if level is None:
            continue
        record = EventRecord(kiosk, kind, str(item.get("detail", "")))
        ops_log.log(level, record.summary())  # VULN flow
        accepted += 1
    return JSONResponse({"accepted": accepted})


async def operator_note(request: Request):
    form = await request.form()
    ops_log.info("operator note from %s: %s", form.get("operator"), form.get("note"))  # VULN
    return JSONResponse({"ok": True})


app = Starlette(
    routes=[
        Route("/events", ingest, methods=["POST"]),
        Route("/notes", operator_note, methods=["POST"]),
    ]
)
