"""Wallet ledger read API used by the account pages and the support console."""
import logging
import sqlite3

from flask import Flask, g, jsonify, request

app = Flask(__name__)
log = logging.getLogger("wallet.ledger")

DB_PATH = "/var/lib/wallet/wallet.db"


def get_db() -> sqlite3.Connection:
    if "db" not in g:
        g.db = sqlite3.connect(DB_PATH)
        g.db.row_factory = sqlite3.Row
    return g.db


@app.teardown_appcontext
def close_db(_exc):
    db = g.pop("db", None)
    if db is not None:
        db.close()


class LedgerQuery:
    """Small builder so the support console can stack filters."""

    COLUMNS = "id, kind, amount_cents, currency, created_at"

    def __init__(self, user_id: int):
        self.user_id = user_id
        self.filters = []
        self.params = []

    def with_currency(self, currency):
        if currency:
            self.filters.append("currency = ?")
            self.params.append(currency.upper())
        return self

    def with_kind(self, kind):
        if kind:
            self.filters.append("kind = ?")
            self.params.append(kind)
        return self

    def render(self):
        where = " AND ".join(["user_id = ?"] + self.filters)
        sql = f"SELECT {self.COLUMNS} FROM ledger WHERE {where} ORDER BY created_at DESC LIMIT 200"
        return sql, [int(self.user_id)] + self.params


@app.route("/wallet/<int:user_id>/balance")
def balance(user_id: int):
    row = get_db().execute(
        "SELECT COALESCE(SUM(amount_cents), 0) AS cents FROM ledger WHERE user_id = ?",
        (user_id,),
    ).fetchone()
    return jsonify({"user_id": user_id, "balance_cents": row["cents"]})


@app.route("/wallet/<int:user_id>/ledger")
def ledger(user_id: int):
    query = (
        LedgerQuery(user_id)
        .with_currency(request.args.get("currency"))
        .with_kind(request.args.get("kind"))
    )
    sql, params = query.render()
    try:
        rows = get_db().execute(sql, params).fetchall()
    except sqlite3.Error:
        log.exception("ledger query failed for user %d", user_id)
        return jsonify({"error": "query failed"}), 500
    return jsonify([dict(r) for r in rows])
