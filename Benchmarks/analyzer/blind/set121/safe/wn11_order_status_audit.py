"""Order status API for the shop's fulfilment team (Falcon).

The packing station and the customer-service desk move orders through the
workflow; every transition is written to the ops log that the on-call
person tails.
"""
import logging
import sqlite3

import falcon

log = logging.getLogger("orders.status")
DB_PATH = "/var/lib/beeshop/orders.db"

TRANSITIONS = {
    "paid": {"packing", "cancelled"},
    "packing": {"shipped", "on_hold"},
    "on_hold": {"packing", "cancelled"},
    "shipped": {"delivered", "returned"},
}


class OrderRepository:
    def __init__(self, path: str = DB_PATH):
        self.path = path

    def _conn(self):
        conn = sqlite3.connect(self.path)
        conn.row_factory = sqlite3.Row
        return conn

    def status_of(self, order_id: int):
        with self._conn() as conn:
            row = conn.execute("SELECT status FROM orders WHERE id = ?", (order_id,)).fetchone()
        return row["status"] if row else None

    def update_status(self, order_id: int, status: str, note: str) -> None:
        with self._conn() as conn:
            conn.execute("UPDATE orders SET status = ? WHERE id = ?", (status, order_id))
            conn.execute("INSERT INTO order_notes (order_id, note) VALUES (?, ?)", (order_id, note))


class OrderStatusResource:
    def __init__(self, repo: OrderRepository):
        self.repo = repo

    def on_patch(self, req, resp, order_id: int):
        body = req.get_media() or {}
        new_status = body.get("status")
        note = body.get("note", "")
        current = self.repo.status_of(order_id)
        if current is None:
            raise falcon.HTTPNotFound()
        if new_status not in TRANSITIONS.get(current, set()):
            raise falcon.HTTPConflict(description="transition not allowed")
        self.repo.update_status(order_id, new_status, note)
        log.info("order %d: %s -> %s (%r)", order_id, current, new_status, note)
        resp.media = {"order": order_id, "status": new_status}


class RefundRequestResource:
    def __init__(self, repo: OrderRepository):
        self.repo = repo

    def on_post(self, req, resp, order_id: int):
        if self.repo.status_of(order_id) not in ("delivered", "returned"):
            raise falcon.HTTPConflict(description="order is not refundable yet")
        log.warning("refund requested for order %d ref=%r", order_id, req.get_header("X-Customer-Ref"))
        resp.status = falcon.HTTP_202
        resp.media = {"order": order_id, "refund": "queued"}


def create_app() -> falcon.App:
    repo = OrderRepository()
    app = falcon.App()
    app.add_route("/orders/{order_id:int}/status", OrderStatusResource(repo))
    app.add_route("/orders/{order_id:int}/refund", RefundRequestResource(repo))
    return app


app = create_app()
