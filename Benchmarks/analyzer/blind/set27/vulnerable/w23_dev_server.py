"""Warehouse inventory service used by the handheld scanners."""
import os
import sqlite3

from flask import Flask, g, jsonify, request

app = Flask(__name__)
app.config["DATABASE"] = os.environ.get("INVENTORY_DB", "inventory.db")
app.config["SECRET_KEY"] = os.environ["INVENTORY_SECRET_KEY"]


def db():
    if "conn" not in g:
        g.conn = sqlite3.connect(app.config["DATABASE"])
        g.conn.row_factory = sqlite3.Row
    return g.conn


@app.teardown_appcontext
def close(exc):
    conn = g.pop("conn", None)
    if conn is not None:
        conn.close()


@app.get("/stock/<sku>")
def stock(sku):
    row = db().execute(
        "SELECT sku, description, bin, quantity FROM stock WHERE sku = ?", (sku,)
    ).fetchone()
    if row is None:
        return jsonify(error="unknown sku"), 404
    return jsonify(dict(row))


@app.post("/stock/<sku>/adjust")
def adjust(sku):
    body = request.get_json(force=True)
    try:
        delta = int(body["delta"])
    except (KeyError, TypeError, ValueError):
        return jsonify(error="delta must be an integer"), 400
    conn = db()
    cur = conn.execute(
        "UPDATE stock SET quantity = quantity + ? WHERE sku = ? AND quantity + ? >= 0",
        (delta, sku, delta),
    )
    conn.commit()
    if cur.rowcount == 0:
        return jsonify(error="unknown sku or insufficient stock"), 409
    return stock(sku)


@app.get("/healthz")
def healthz():
    return {"status": "ok"}


if __name__ == "__main__":
    app.run(host="0.0.0.0", port=5000, debug=True)  # VULN
