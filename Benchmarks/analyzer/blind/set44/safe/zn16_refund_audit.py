"""Falcon API used by support agents to issue refunds; every action is audited."""
import datetime as dt
import json
import logging
import os

import falcon

from payments.gateway import GatewayError, refund_charge
from payments.repo import OrderRepo

log = logging.getLogger("support.refunds")
AUDIT_PATH = os.environ.get("REFUND_AUDIT_LOG", "/var/log/support/refund-audit.log")
MAX_AGENT_REFUND_CENTS = 50_000


class RefundRequest:
    def __init__(self, media: dict, agent: str):
        self.agent = agent
        self.order_id = str(media.get("order_id", ""))
        self.reason = str(media.get("reason", "")).strip()
        self.ticket = str(media.get("ticket", "")).strip()
        try:
            self.amount_cents = int(media.get("amount_cents", 0))
        except (TypeError, ValueError):
            raise falcon.HTTPBadRequest(description="amount_cents must be an integer")

    def validate(self):
        if not self.order_id or not self.reason:
            raise falcon.HTTPBadRequest(description="order_id and reason are required")
        if not 0 < self.amount_cents <= MAX_AGENT_REFUND_CENTS:
            raise falcon.HTTPForbidden(description="amount exceeds agent limit")


def audit(event: str, req: RefundRequest, outcome: str) -> None:
    stamp = dt.datetime.utcnow().isoformat(timespec="seconds")
    record = {"ts": stamp, "event": event, "agent": req.agent, "order": req.order_id,
              "amount": req.amount_cents, "ticket": req.ticket, "reason": req.reason,
              "outcome": outcome}
    line = json.dumps(record, ensure_ascii=True) + "\n"
    with open(AUDIT_PATH, "a", encoding="utf-8") as fh:
        fh.write(line)


class RefundResource:
    def __init__(self, orders: OrderRepo):
        self.orders = orders

    def on_post(self, req: falcon.Request, resp: falcon.Response):
        agent = req.context.agent_email
        refund = RefundRequest(req.get_media() or {}, agent)
        refund.validate()
        log.info("refund requested by %r for order %r: %r", agent, refund.order_id, refund.reason)

        order = self.orders.get(refund.order_id)
        if order is None:
            audit("refund", refund, "unknown_order")
            raise falcon.HTTPNotFound()
        if refund.amount_cents > order.refundable_cents:
            audit("refund", refund, "over_refundable")
            raise falcon.HTTPConflict(description="amount exceeds refundable balance")

        try:
            result = refund_charge(order.charge_id, refund.amount_cents, idempotency_key=refund.ticket)
        except GatewayError as exc:
            audit("refund", refund, f"gateway_error:{exc.code}")
            raise falcon.HTTPBadGateway(description="payment gateway rejected refund")

        self.orders.record_refund(order.id, result.refund_id, refund.amount_cents, agent)
        audit("refund", refund, "ok")
        resp.status = falcon.HTTP_201
        resp.media = {"refund_id": result.refund_id, "status": result.status}


def create_app(orders: OrderRepo, auth_middleware) -> falcon.App:
    app = falcon.App(middleware=[auth_middleware])
    app.add_route("/support/refunds", RefundResource(orders))
    return app
