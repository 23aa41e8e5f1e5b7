"""Falcon API for shipment tracking lookups."""
import logging
import os
import uuid

import falcon
from psycopg2.extras import RealDictCursor
from psycopg2.pool import ThreadedConnectionPool

logger = logging.getLogger(__name__)


class ShipmentResource:
    def __init__(self, pool: ThreadedConnectionPool):
        self.pool = pool

    def _fetch(self, tracking_no: str):
        conn = self.pool.getconn()
        try:
            with conn.cursor(cursor_factory=RealDictCursor) as cur:
                cur.execute(
                    "SELECT tracking_no, status, carrier, eta, last_scan_at, last_scan_location "
                    "FROM shipments WHERE tracking_no = %s",
                    (tracking_no,),
                )
                return cur.fetchone()
        finally:
            self.pool.putconn(conn)

    def on_get(self, req: falcon.Request, resp: falcon.Response, tracking_no: str) -> None:
        try:
            row = self._fetch(tracking_no.strip().upper())
        except Exception:
            incident = uuid.uuid4().hex
            logger.exception("shipment lookup failed (incident %s)", incident)
            resp.status = falcon.HTTP_500
            resp.media = {"error": "lookup failed", "incident": incident}
            return
        if row is None:
            raise falcon.HTTPNotFound(title="Unknown tracking number")
        resp.media = {
            "tracking_no": row["tracking_no"],
            "status": row["status"],
            "carrier": row["carrier"],
            "eta": row["eta"].isoformat() if row["eta"] else None,
            "last_scan": {
                "at": row["last_scan_at"].isoformat() if row["last_scan_at"] else None,
                "location": row["last_scan_location"],
            },
        }


class HealthResource:
    def on_get(self, req: falcon.Request, resp: falcon.Response) -> None:
        resp.media = {"ok": True}


def handle_unexpected(req, resp, ex, params):
    incident = uuid.uuid4().hex
    logger.error("unhandled error on %r %r (incident %s)", req.method, req.path, incident, exc_info=ex)
    raise falcon.HTTPInternalServerError(title="Internal error", description=f"incident {incident}")


def create_app() -> falcon.App:
    pool = ThreadedConnectionPool(1, 8, dsn=os.environ["TRACKING_DSN"])
    app = falcon.App()
    app.add_route("/shipments/{tracking_no}", ShipmentResource(pool))
    app.add_route("/healthz", HealthResource())
    app.add_error_handler(Exception, handle_unexpected)
    return app


app = create_app()
