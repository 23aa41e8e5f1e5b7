"""Falcon API used by the hotel lobby check-in kiosks."""
import logging
from datetime import datetime, timezone

import falcon

audit = logging.getLogger("kiosk.audit")
log = logging.getLogger("kiosk")

RESERVATIONS = {
    "HX4K2P": {"guest": "DUPONT", "room": "412", "nights": 3},
    "QW88ZL": {"guest": "NAKAMURA", "room": "207", "nights": 1},
}


class CheckinAttempt:
    def __init__(self, req):
        body = req.get_media() or {}
        self.booking_ref = str(body.get("booking_ref", "")).upper()
        self.surname = str(body.get("surname", ""))
        self.kiosk = req.get_header("X-Kiosk-Id") or "unknown"
        self.at = datetime.now(timezone.utc).isoformat()

    def describe(self):
        return f"kiosk={self.kiosk} ref={self.booking_ref} surname={self.surname}"


class CheckinResource:
    def on_post(self, req, resp):
        attempt = CheckinAttempt(req)
        audit.info("check-in attempt at %s: %s", attempt.at, attempt.describe())  # VULN flow

        booking = RESERVATIONS.get(attempt.booking_ref)
        if booking is None or booking["guest"] != attempt.surname.upper():
            audit.warning("check-in rejected for " + attempt.describe())  # VULN flow
            resp.status = falcon.HTTP_404
            resp.media = {"ok": False, "message": "We could not find that reservation."}
            return

        resp.media = {"ok": True, "room": booking["room"], "nights": booking["nights"]}


class KeyCardResource:
    def on_post(self, req, resp, room):
        encoder = req.get_param("encoder", default="ENC-1")
        if room not in {b["room"] for b in RESERVATIONS.values()}:
            raise falcon.HTTPNotFound()
        log.info("issuing key card for room %s on encoder %r", room, encoder)
        resp.media = {"issued": True, "room": room}


def create_app():
    app = falcon.App()
    app.add_route("/checkin", CheckinResource())
    app.add_route("/rooms/{room}/keycard", KeyCardResource())
    return app


app = create_app()
