"""Support-desk ticket search endpoint."""
import logging
import sqlite3
from dataclasses import dataclass

from flask import Flask, g, jsonify, request

app = Flask(__name__)
log = logging.getLogger("helpdesk.search")

DB_PATH = "helpdesk.sqlite3"
PAGE_SIZE = 25


@dataclass
class TicketFilter:
    status: str
    assignee: str
    page: int = 1

    @classmethod
    def from_args(cls, args):
        try:
            page = max(int(args.get("page", 1)), 1)
        except ValueError:
            page = 1
        return cls(
            status=args.get("status", "open"),
            assignee=args.get("assignee", ""),
            page=page,
        )


def get_db():
    if "db" not in g:
        g.db = sqlite3.connect(DB_PATH)
        g.db.row_factory = sqlite3.Row
    return g.db


@app.teardown_appcontext
def close_db(exc):
    db = g.pop("db", None)
    if db is not None:
        db.close()


def build_query(flt):
    clauses = ["status = ?"]
    params = [flt.status]
    if flt.assignee:
        clauses.append("assignee = ?")
        params.append(flt.assignee)
    where = " AND ".join(clauses)
    offset = (flt.page - 1) * PAGE_SIZE
    sql = (
        "SELECT id, subject, status, assignee, updated_at FROM tickets "
        f"WHERE {where} ORDER BY updated_at DESC LIMIT {PAGE_SIZE} OFFSET {offset}"
    )
    return sql, params


@app.route("/tickets/search")
def search_tickets():
    flt = TicketFilter.from_args(request.args)
    sql, params = build_query(flt)
    rows = get_db().execute(sql, params).fetchall()
    log.info("ticket search returned %d rows (page %d)", len(rows), flt.page)
    return jsonify([dict(r) for r in rows])


@app.route("/tickets/<int:ticket_id>")
def get_ticket(ticket_id):
    row = get_db().execute(
        "SELECT id, subject, status, assignee, body, updated_at FROM tickets WHERE id = ?",
        (ticket_id,),
    ).fetchone()
    if row is None:
        return jsonify({"error": "not found"}), 404
    return jsonify(dict(row))
