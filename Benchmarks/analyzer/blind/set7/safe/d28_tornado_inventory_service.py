import json
import os

import pymysql
import tornado.ioloop
import tornado.web


class InventoryRepo:
    def __init__(self):
        self.conn = pymysql.connect(
            host=os.environ.get("INVENTORY_DB_HOST", "db.inventory.internal"),
            user=os.environ.get("INVENTORY_DB_USER", "inventory_svc"),
            password=os.environ["INVENTORY_DB_PASSWORD"],
            database="inventory",
            cursorclass=pymysql.cursors.DictCursor,
            autocommit=True,
        )

    def get(self, sku):
        with self.conn.cursor() as cur:
            cur.execute("SELECT sku, qty, location FROM stock WHERE sku = %s", (sku,))
            return cur.fetchone()

    def adjust(self, sku, delta, reason):
        with self.conn.cursor() as cur:
            cur.execute("UPDATE stock SET qty = qty + %s, last_reason = %s WHERE sku = %s", (delta, reason, sku))
            return cur.rowcount


class StockHandler(tornado.web.RequestHandler):
    def initialize(self, repo):
        self.repo = repo

    def get(self, sku):
        row = self.repo.get(sku)
        if row is None:
            raise tornado.web.HTTPError(404)
        self.write(row)

    def post(self, sku):
        body = json.loads(self.request.body or b"{}")
        try:
            delta = int(body["delta"])
        except (KeyError, TypeError, ValueError):
            raise tornado.web.HTTPError(400, "delta must be an integer")
        updated = self.repo.adjust(sku, delta, str(body.get("reason", "manual"))[:200])
        if not updated:
            raise tornado.web.HTTPError(404)
        self.write({"ok": True})


def make_app():
    repo = InventoryRepo()
    return tornado.web.Application([(r"/stock/([A-Z0-9-]+)", StockHandler, {"repo": repo})])


if __name__ == "__main__":
    make_app().listen(8888, address="127.0.0.1")
    tornado.ioloop.IOLoop.current().start()
