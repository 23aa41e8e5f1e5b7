"""Turnstile scan endpoint used by the stadium gate readers."""
import hashlib
import hmac
import logging
import os
import threading

import falcon

log = logging.getLogger("gates.scan")
audit = logging.getLogger("gates.audit")

READER_KEY = os.environ.get("GATE_READER_KEY", "").encode()


class TicketLedger:
    """In-memory view of valid barcodes for today's fixture (loaded at start-up)."""

    def __init__(self, valid_codes):
        self._valid = set(valid_codes)
        self._used = set()
        self._lock = threading.Lock()

    def admit(self, code: str) -> str:
        with self._lock:
            if code not in self._valid:
                return "unknown"
            if code in self._used:
                return "already_used"
            self._used.add(code)
            return "ok"


def reader_signature_ok(req, body: bytes) -> bool:
    sig = req.get_header("X-Reader-Signature") or ""
    expected = hmac.new(READER_KEY, body, hashlib.sha256).hexdigest()
    return bool(READER_KEY) and hmac.compare_digest(sig, expected)


class ScanResource:
    def __init__(self, ledger: TicketLedger):
        self.ledger = ledger

    def on_post(self, req, resp, gate_id):
        body = req.get_media() or {}
        code = str(body.get("ticket", "")).strip()
        reader = req.get_header("X-Reader-Id", default="unknown")
        if not code:
            raise falcon.HTTPBadRequest(title="ticket missing")
        result = self.ledger.admit(code)
        entry = f"gate={gate_id} reader={reader} ticket={code} result={result}"
        audit.info(entry)  # VULN flow
        if result != "ok":
            log.warning("Rejected ticket %s at gate %s: %s", code, gate_id, result)  # VULN flow
            resp.status = falcon.HTTP_403
            resp.media = {"admit": False, "reason": result}
            return
        resp.media = {"admit": True}


def create_app(codes_file: str = "/var/lib/gates/today.txt") -> falcon.App:
    with open(codes_file, encoding="ascii") as fh:
        ledger = TicketLedger(line.strip() for line in fh if line.strip())
    app = falcon.App()
    app.add_route("/gates/{gate_id}/scan", ScanResource(ledger))
    return app
