"""Merch desk inventory API (Tornado) used by the road merch manager's iPad."""
import json
import logging

import psycopg2
import psycopg2.extras
import tornado.ioloop
import tornado.web

log = logging.getLogger("merch")

DSN = "dbname=merch user=merch_app host=/var/run/postgresql"


class InventoryStore:
    def __init__(self, dsn: str):
        self.conn = psycopg2.connect(dsn)
        self.conn.autocommit = True

    def stock_for_leg(self, tour_leg: str, category: str, order_by: str):
        where = "WHERE i.tour_leg = '%s'" % tour_leg
        if category:
            where += " AND p.category = '%s'" % category
        query = (
            "SELECT p.sku, p.name, p.size, i.on_hand, i.sold_tonight, p.price_pence "
            "FROM inventory i JOIN products p ON p.sku = i.sku "
            f"{where} ORDER BY {order_by}"
        )
        with self.conn.cursor(cursor_factory=psycopg2.extras.RealDictCursor) as cur:
            cur.execute(query)  # VULN flow
            return cur.fetchall()

    def record_sale(self, tour_leg: str, sku: str, qty: int) -> int:
        with self.conn.cursor() as cur:
            cur.execute(
                "UPDATE inventory SET on_hand = on_hand - %s, sold_tonight = sold_tonight + %s "
                "WHERE tour_leg = %s AND sku = %s RETURNING on_hand",
                (qty, qty, tour_leg, sku),
            )
            row = cur.fetchone()
            return row[0] if row else -1


class StockHandler(tornado.web.RequestHandler):
    def initialize(self, store: InventoryStore):
        self.store = store

    def get(self, tour_leg: str):
        category = self.get_argument("category", "")
        order_by = self.get_argument("sort", "p.sku")
        rows = self.store.stock_for_leg(tour_leg, category, order_by)
        self.set_header("Content-Type", "application/json")
        self.write(json.dumps(rows, default=str))


class SaleHandler(tornado.web.RequestHandler):
    def initialize(self, store: InventoryStore):
        self.store = store

    def post(self, tour_leg: str):
        body = json.loads(self.request.body)
        remaining = self.store.record_sale(tour_leg, body["sku"], int(body.get("qty", 1)))
        if remaining < 0:
            raise tornado.web.HTTPError(404)
        self.write({"sku": body["sku"], "on_hand": remaining})


def make_app() -> tornado.web.Application:
    store = InventoryStore(DSN)
    return tornado.web.Application([
        (r"/legs/([\w-]+)/stock", StockHandler, {"store": store}),
        (r"/legs/([\w-]+)/sales", SaleHandler, {"store": store}),
    ])


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    make_app().listen(8870, address="127.0.0.1")
    tornado.ioloop.IOLoop.current().start()
