"""Refund endpoint for register terminals (Tornado).

Every refund is written to the audit log, which loss-prevention ingests
line-by-line into their case tool.
"""
import json
import logging
import time

import tornado.ioloop
import tornado.web

audit = logging.getLogger("pos.audit")
log = logging.getLogger("pos.refunds")

MANAGER_APPROVAL_THRESHOLD = 200.0


class RefundService:
    def __init__(self) -> None:
        self._refunds = []

    def record(self, txn_id: str, amount: float, cashier: str, reason: str) -> dict:
        entry = {"txn_id": txn_id, "amount": round(amount, 2), "cashier": cashier,
                 "reason": reason, "ts": int(time.time())}
        self._refunds.append(entry)
        audit.info("REFUND txn=%s amount=%.2f cashier=%r reason=%r", txn_id, amount, cashier, reason)
        return entry


def note_override(manager_id: str, txn_id: str) -> None:
    audit.warning("OVERRIDE manager=%r txn=%s", manager_id, txn_id)


class RefundHandler(tornado.web.RequestHandler):
    def initialize(self, service: RefundService) -> None:
        self.service = service

    def _fail(self, status: int, message: str) -> None:
        self.set_status(status)
        self.finish({"error": message})

    def post(self) -> None:
        try:
            body = json.loads(self.request.body or b"{}")
            amount = float(body["amount"])
        except (ValueError, KeyError, TypeError):
            return self._fail(400, "invalid body")

        txn_id = str(body.get("txn_id", ""))
        if not txn_id.isdigit() or amount <= 0:
            return self._fail(400, "invalid txn_id or amount")

        cashier = self.request.headers.get("X-Cashier-Id", "unknown")
        reason = str(body.get("reason", "")).strip()[:500]

        if amount > MANAGER_APPROVAL_THRESHOLD:
            manager = body.get("manager_id")
            if not manager:
                return self._fail(403, "manager approval required")
            note_override(str(manager), txn_id)

        entry = self.service.record(txn_id, amount, cashier, reason)
        self.write(entry)


def make_app() -> tornado.web.Application:
    return tornado.web.Application([(r"/refunds", RefundHandler, {"service": RefundService()})])


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(message)s")
    make_app().listen(8086, address="127.0.0.1")
    tornado.ioloop.IOLoop.current().start()
