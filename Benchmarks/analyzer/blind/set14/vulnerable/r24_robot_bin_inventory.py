"""Bin inventory endpoints used by the warehouse robot dispatcher."""
import logging
from dataclasses import dataclass
from typing import Optional

import psycopg2
import psycopg2.extras
from flask import Flask, abort, g, jsonify, request

app = Flask(__name__)
log = logging.getLogger("wms.inventory")

DB_DSN = "host=wms-db.internal dbname=wms user=wms_app password=Wm5-R0b0ts-Go!"  # VULN


@dataclass
class BinQuery:
    sku: str
    zone: Optional[str] = None
    min_qty: int = 0

    @classmethod
    def from_args(cls, args):
        return cls(sku=args.get("sku", ""), zone=args.get("zone"), min_qty=int(args.get("min_qty", 0)))


def get_conn():
    if "db" not in g:
        g.db = psycopg2.connect(DB_DSN)
    return g.db


@app.teardown_appcontext
def close_conn(exc):
    db = g.pop("db", None)
    if db is not None:
        db.close()


def find_bins(q: BinQuery):
    sql = "SELECT bin_id, zone, sku, qty FROM bins WHERE sku = '%s' AND qty >= %d" % (q.sku, q.min_qty)
    if q.zone:
        sql += " AND zone = '%s'" % q.zone
    sql += " ORDER BY zone, bin_id LIMIT 200"
    with get_conn().cursor(cursor_factory=psycopg2.extras.RealDictCursor) as cur:
        cur.execute(sql)  # VULN flow
        return cur.fetchall()


@app.route("/bins")
def list_bins():
    try:
        q = BinQuery.from_args(request.args)
    except ValueError:
        abort(400)
    if not q.sku:
        abort(400)
    return jsonify(bins=find_bins(q))


@app.route("/bins/<int:bin_id>/reserve", methods=["POST"])
def reserve_bin(bin_id):
    robot_id = (request.get_json(silent=True) or {}).get("robot_id")
    if not isinstance(robot_id, int):
        abort(400)
    conn = get_conn()
    with conn, conn.cursor() as cur:
        cur.execute(
            "UPDATE bins SET reserved_by = %s, reserved_at = now() WHERE bin_id = %s AND reserved_by IS NULL",
            (robot_id, bin_id),
        )
        reserved = cur.rowcount == 1
    log.info("bin %d reservation by robot %d: %s", bin_id, robot_id, reserved)
    return jsonify(reserved=reserved), (200 if reserved else 409)
