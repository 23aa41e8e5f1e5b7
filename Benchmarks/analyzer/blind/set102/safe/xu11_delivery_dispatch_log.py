"""Courier status updates for the food-delivery dispatch service (Falcon).

Courier apps POST status changes for the order they are carrying; the
dispatch console tails the audit log to follow deliveries in real time.
"""
import logging
import sqlite3
from datetime import datetime, timezone

import falcon

log = logging.getLogger("dispatch.courier")
audit = logging.getLogger("dispatch.audit")

VALID_STATUSES = {"assigned", "arrived_restaurant", "picked_up", "en_route", "delivered", "failed"}


class DeliveryRepo:
    def __init__(self, path: str):
        self.conn = sqlite3.connect(path, check_same_thread=False)

    def update_status(self, order_id: str, driver_id: str, status: str, note: str) -> bool:
        with self.conn:
            cur = self.conn.execute(
                "UPDATE deliveries SET status = ?, last_note = ?, updated_at = ? "
                "WHERE order_ref = ? AND driver_id = ?",
                (status, note, datetime.now(timezone.utc).isoformat(), order_id, driver_id),
            )
        return cur.rowcount == 1


class CourierStatusResource:
    def __init__(self, repo: DeliveryRepo):
        self.repo = repo

    @staticmethod
    def _audit_line(driver_id, order_id, status, note):
        return "driver=%r order=%r status=%r note=%r" % (driver_id, order_id, status, note)

    def on_post(self, req, resp, order_id):
        driver_id = req.get_header("X-Courier-Id") or "unknown"
        body = req.get_media(default_when_empty={}) or {}
        status = str(body.get("status", ""))
        note = str(body.get("note", ""))[:500]

        if status not in VALID_STATUSES:
            log.warning("rejected status %r for order %r from courier %r", status, order_id, driver_id)
            raise falcon.HTTPBadRequest(title="invalid status")

        entry = self._audit_line(driver_id, order_id, status, note)
        audit.info(entry)

        if not self.repo.update_status(order_id, driver_id, status, note):
            raise falcon.HTTPNotFound(title="delivery not assigned to this courier")
        resp.media = {"order": order_id, "status": status}


def create_app(db_path: str = "/var/lib/dispatch/deliveries.db") -> falcon.App:
    app = falcon.App()
    app.add_route("/deliveries/{order_id}/status", CourierStatusResource(DeliveryRepo(db_path)))
    return app


app = create_app()
