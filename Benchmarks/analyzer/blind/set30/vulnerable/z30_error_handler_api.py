"""Quote pricing API consumed by the sales tooling."""
import logging
import os
import traceback
from decimal import Decimal

import psycopg2
from flask import Flask, abort, jsonify, request
from psycopg2.pool import ThreadedConnectionPool
from werkzeug.exceptions import HTTPException

app = Flask(__name__)
log = logging.getLogger("pricing")
pool = ThreadedConnectionPool(1, 8, dsn=os.environ["PRICING_DSN"])


def unit_price(sku, quantity):
    conn = pool.getconn()
    try:
        with conn.cursor() as cur:
            cur.execute(
                "SELECT unit_price FROM price_list WHERE sku = %s AND min_qty <= %s "
                "ORDER BY min_qty DESC LIMIT 1",
                (sku, quantity),
            )
            row = cur.fetchone()
    finally:
        pool.putconn(conn)
    if row is None:
        raise LookupError(sku)
    return Decimal(row[0])


@app.post("/quotes")
def create_quote():
    payload = request.get_json(silent=True) or {}
    items = payload.get("items")
    if not isinstance(items, list) or not items:
        abort(400, description="items must be a non-empty list")
    lines, total = [], Decimal("0")
    try:
        for item in items:
            sku, quantity = str(item["sku"]), int(item["quantity"])
            price = unit_price(sku, quantity)
            lines.append({"sku": sku, "quantity": quantity, "unit_price": str(price)})
            total += price * quantity
    except LookupError as exc:
        return jsonify({"error": "unknown sku", "sku": str(exc.args[0])}), 404
    except psycopg2.Error as exc:
        return jsonify({"error": "database error", "detail": exc.pgerror}), 503  # VULN
    return jsonify({"lines": lines, "total": str(total)})


@app.errorhandler(Exception)
def handle_unexpected(exc):
    if isinstance(exc, HTTPException):
        return exc
    log.exception("unhandled error on %r", request.path)
    return jsonify({"error": type(exc).__name__, "message": str(exc), "trace": traceback.format_exc()}), 500  # VULN
