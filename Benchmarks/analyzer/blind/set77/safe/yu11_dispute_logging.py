"""Dispute intake for completed bookings (aiohttp).

Every dispute is written to the audit log that the trust & safety team
reviews and that feeds the SIEM.
"""
import logging
import uuid
from datetime import datetime, timezone

from aiohttp import web

audit = logging.getLogger("audit.disputes")
log = logging.getLogger("disputes")

REASONS = {"no_show", "incomplete", "damage", "overcharge", "other"}


class DisputeStore:
    def __init__(self):
        self._items: dict[str, dict] = {}

    async def create(self, **fields) -> dict:
        dispute = dict(fields, id=uuid.uuid4().hex, opened_at=datetime.now(timezone.utc).isoformat())
        self._items[dispute["id"]] = dispute
        return dispute


def describe(dispute: dict) -> tuple:
    return (
        dispute["booking_id"],
        dispute["customer"],
        dispute["reason"],
        dispute["detail"],
    )


async def open_dispute(request: web.Request) -> web.Response:
    form = await request.post()
    booking_id = form.get("booking_id", "")
    reason = form.get("reason", "other")
    detail = form.get("detail", "")[:2000]
    customer = request.headers.get("X-Customer-Email", "anonymous")

    if not booking_id.isdigit():
        log.warning("rejected dispute with booking id %r", booking_id)
        raise web.HTTPBadRequest(text="booking_id must be numeric")
    if reason not in REASONS:
        reason = "other"

    store: DisputeStore = request.app["disputes"]
    dispute = await store.create(booking_id=int(booking_id), customer=customer, reason=reason, detail=detail)
    audit.info("dispute opened booking=%r customer=%r reason=%r detail=%r", *describe(dispute))
    return web.json_response({"id": dispute["id"], "status": "open"}, status=201)


async def health(_request: web.Request) -> web.Response:
    return web.Response(text="ok")


def make_app() -> web.Application:
    app = web.Application()
    app["disputes"] = DisputeStore()
    app.router.add_post("/disputes", open_dispute)
    app.router.add_get("/healthz", health)
    return app


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(message)s")
    web.run_app(make_app(), host="127.0.0.1", port=8090)
