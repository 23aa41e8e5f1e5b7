"""Claim status transitions with an append-only audit trail (Tornado service)."""
import json
import logging

import tornado.ioloop
import tornado.web

audit_logger = logging.getLogger("claims.audit")
app_log = logging.getLogger("claims.app")

TRANSITIONS = {
    "open": {"investigating", "closed"},
    "investigating": {"pending_payment", "denied", "closed"},
    "pending_payment": {"paid", "investigating"},
    "denied": {"reopened"},
    "reopened": {"investigating"},
}


class AuditTrail:
    def __init__(self, logger):
        self.logger = logger

    def record(self, **fields):
        line = " ".join(f"{key}={value}" for key, value in fields.items())
        self.logger.info(line)  # VULN flow


class ClaimStore:
    def __init__(self):
        self.status = {}

    def get(self, claim_id):
        return self.status.get(claim_id, "open")

    def set(self, claim_id, status):
        self.status[claim_id] = status


class ClaimStatusHandler(tornado.web.RequestHandler):
    def initialize(self, store, audit):
        self.store = store
        self.audit = audit

    def post(self, claim_id):
        try:
            body = json.loads(self.request.body or b"{}")
        except json.JSONDecodeError:
            raise tornado.web.HTTPError(400, "invalid json")
        new_status = body.get("status")
        reason = body.get("reason", "")
        actor = self.request.headers.get("X-Adjuster-Id", "unknown")
        current = self.store.get(claim_id)
        if new_status not in TRANSITIONS.get(current, set()):
            raise tornado.web.HTTPError(409, "illegal transition")
        self.store.set(claim_id, new_status)
        self.audit.record(claim=claim_id, old=current, new=new_status, actor=actor, reason=reason)
        self.write({"claim_id": claim_id, "status": new_status})


def make_app():
    store = ClaimStore()
    audit = AuditTrail(audit_logger)
    return tornado.web.Application([
        (r"/claims/(\d+)/status", ClaimStatusHandler, {"store": store, "audit": audit}),
    ])


if __name__ == "__main__":
    logging.basicConfig(filename="/var/log/claims/audit.log", level=logging.INFO,
                        format="%(asctime)s %(name)s %(message)s")
    make_app().listen(8888, address="127.0.0.1")
    app_log.info("claim status service started")
    tornado.ioloop.IOLoop.current().start()
