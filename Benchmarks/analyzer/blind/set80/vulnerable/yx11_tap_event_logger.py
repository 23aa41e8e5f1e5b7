"""Falcon endpoint that receives rejected/accepted tap events from gates."""
import datetime
import logging
import os
import threading

import falcon

log = logging.getLogger("taps")

AUDIT_PATH = os.environ.get("TAP_AUDIT_LOG", "/var/log/transit/tap-audit.log")
REJECT_REASONS = {"expired", "insufficient_balance", "blocked_card", "passback", "unknown_product"}


class TapAudit:
    """Append-only audit trail read by the revenue protection team."""

    def __init__(self, path: str):
        self.path = path
        self._lock = threading.Lock()

    def record(self, device: str, card: str, outcome: str) -> None:
        stamp = datetime.datetime.utcnow().isoformat(timespec="seconds")
        line = f"{stamp} device={device} card={card} outcome={outcome}\n"
        with self._lock, open(self.path, "a", encoding="utf-8") as fh:
            fh.write(line)  # VULN flow


class TapResource:
    def __init__(self, audit: TapAudit):
        self.audit = audit

    def on_post(self, req: falcon.Request, resp: falcon.Response) -> None:
        body = req.get_media() or {}
        device = str(body.get("device_id", ""))
        card = str(body.get("card_uid", ""))
        accepted = bool(body.get("accepted"))
        reason = body.get("reason")
        if not device or not card:
            raise falcon.HTTPBadRequest(title="device_id and card_uid are required")

        if accepted:
            outcome = "accepted"
        else:
            outcome = reason if reason in REJECT_REASONS else "rejected"
            log.warning("rejected tap on device %s for card %s (%s)", device, card, outcome)  # VULN flow

        self.audit.record(device, card, outcome)
        resp.status = falcon.HTTP_202
        resp.media = {"status": "recorded"}


class HealthResource:
    def on_get(self, req, resp):
        resp.media = {"ok": True, "audit": os.path.exists(AUDIT_PATH)}


def create_app() -> falcon.App:
    logging.basicConfig(level=logging.INFO,
                        format="%(asctime)s %(levelname)s %(name)s %(message)s")
    app = falcon.App()
    app.add_route("/taps", TapResource(TapAudit(AUDIT_PATH)))
    app.add_route("/health", HealthResource())
    return app


app = create_app()
