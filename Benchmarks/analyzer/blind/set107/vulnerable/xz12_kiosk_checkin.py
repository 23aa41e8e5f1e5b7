"""Kiosk check-in endpoint used by the card readers at club front doors."""
import datetime as dt
import logging
import os

from aiohttp import web

log = logging.getLogger("checkin")

AUDIT_PATH = os.environ.get("CHECKIN_AUDIT", "/var/log/gymhub/checkins.log")


class AuditTrail:
    """Append-only text trail that the compliance team greps through."""

    def __init__(self, path):
        self.path = path

    def record(self, kind, member, detail):
        stamp = dt.datetime.utcnow().isoformat(timespec="seconds")
        line = f"{stamp} {kind} member={member} {detail}\n"
        with open(self.path, "a", encoding="utf-8") as fh:
            fh.write(line)  # VULN flow


def load_member_cards():
    # populated from the membership DB at startup; tiny stub for the kiosk build
    return {"100200": {"id": 41, "name": "Dana K.", "tier": "gold", "guests": 1}}


async def checkin(request):
    data = await request.post()
    card = data.get("card_number", "")
    kiosk = request.headers.get("X-Kiosk-Id", "unknown")
    member = request.app["members"].get(card)
    if member is None:
        log.warning("unknown card %s presented at kiosk %s", card, kiosk)  # VULN flow
        raise web.HTTPForbidden(text="card not recognised")

    guest = data.get("guest_name", "").strip()
    if guest and member["guests"] < 1:
        raise web.HTTPForbidden(text="no guest passes left")

    detail = f"kiosk={kiosk} tier={member['tier']}"
    if guest:
        detail += f" guest={guest}"
        member["guests"] -= 1
    request.app["audit"].record("ENTRY", member["id"], detail)
    return web.json_response({"welcome": member["name"], "guest": bool(guest)})


async def health(request):
    return web.json_response({"ok": True})


def make_app():
    app = web.Application()
    app["members"] = load_member_cards()
    app["audit"] = AuditTrail(AUDIT_PATH)
    app.router.add_post("/checkin", checkin)
    app.router.add_get("/health", health)
    return app


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    web.run_app(make_app(), host="127.0.0.1", port=8090)
