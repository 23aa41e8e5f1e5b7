"""Pesticide application records API (Tornado).

Backs the spray-log screen in the farm management app and the pre-harvest
interval (PHI) check the packhouse runs before accepting a block.
"""
import json
import os
import sqlite3
from datetime import date, timedelta

import tornado.ioloop
import tornado.web

DB_PATH = os.environ.get("SPRAY_DB", "/var/lib/farm/spray.db")
COLUMNS = "id, block, product, epa_reg_no, rate_per_ha, applied_on, applicator, phi_days"


class ApplicationQuery:
    def __init__(self, block=None, product=None, sort="applied_on", direction="desc"):
        self.block = block
        self.product = product
        self.sort = sort
        self.direction = direction

    def build(self):
        clauses, params = [], []
        if self.block:
            clauses.append("block = ?")
            params.append(self.block)
        if self.product:
            clauses.append("product LIKE ?")
            params.append(f"%{self.product}%")
        where = ("WHERE " + " AND ".join(clauses)) if clauses else ""
        order = f"ORDER BY {self.sort} {self.direction}"
        return f"SELECT {COLUMNS} FROM applications {where} {order} LIMIT 500", params


class ApplicationsHandler(tornado.web.RequestHandler):
    def initialize(self, db_path):
        self.db_path = db_path

    def get(self):
        query = ApplicationQuery(
            block=self.get_argument("block", None),
            product=self.get_argument("product", None),
            sort=self.get_argument("sort", "applied_on"),
            direction=self.get_argument("dir", "desc"),
        )
        sql, params = query.build()
        with sqlite3.connect(self.db_path) as conn:
            conn.row_factory = sqlite3.Row
            rows = conn.execute(sql, params).fetchall()  # VULN flow
        self.set_header("Content-Type", "application/json")
        self.write(json.dumps([dict(r) for r in rows]))


class PhiCheckHandler(tornado.web.RequestHandler):
    def initialize(self, db_path):
        self.db_path = db_path

    def get(self, block):
        harvest = date.fromisoformat(self.get_argument("harvest_on", date.today().isoformat()))
        with sqlite3.connect(self.db_path) as conn:
            rows = conn.execute(
                "SELECT product, applied_on, phi_days FROM applications WHERE block = ?",
                (block,),
            ).fetchall()
        blocking = [
            {"product": p, "applied_on": a, "clear_on": (date.fromisoformat(a) + timedelta(days=phi)).isoformat()}
            for p, a, phi in rows
            if date.fromisoformat(a) + timedelta(days=phi) > harvest
        ]
        self.write({"block": block, "harvest_on": harvest.isoformat(), "ok": not blocking, "blocking": blocking})


def make_app():
    return tornado.web.Application([
        (r"/api/applications", ApplicationsHandler, {"db_path": DB_PATH}),
        (r"/api/phi/([A-Za-z0-9_-]+)", PhiCheckHandler, {"db_path": DB_PATH}),
    ])


if __name__ == "__main__":
    make_app().listen(int(os.environ.get("PORT", "8888")), address="127.0.0.1")
    tornado.ioloop.IOLoop.current().start()
