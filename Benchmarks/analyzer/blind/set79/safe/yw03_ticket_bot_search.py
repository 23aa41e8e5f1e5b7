"""Search API behind the incident ticket bot's /tickets slash command."""
import logging
import sqlite3
from contextlib import closing

from flask import Flask, g, jsonify, request

DB_PATH = "/var/lib/ticketbot/tickets.db"
SORTABLE = ("opened_at", "severity", "status")

log = logging.getLogger(__name__)
app = Flask(__name__)


def get_db() -> sqlite3.Connection:
    if "db" not in g:
        g.db = sqlite3.connect(DB_PATH)
        g.db.row_factory = sqlite3.Row
    return g.db


@app.teardown_appcontext
def close_db(exc):
    db = g.pop("db", None)
    if db is not None:
        db.close()


class TicketFilter:
    """Turns the slash-command arguments into a WHERE clause."""

    def __init__(self, args):
        self.status = args.get("status")
        self.assignee = args.get("assignee")
        self.text = args.get("q", "").strip()
        self.sort = args.get("sort", "opened_at")
        self.limit = min(int(args.get("limit", 25)), 200)

    def where_clause(self) -> tuple:
        parts, params = [], []
        if self.status:
            parts.append("status = ?")
            params.append(self.status)
        if self.assignee:
            parts.append("assignee = ?")
            params.append(self.assignee)
        if self.text:
            parts.append("(title LIKE ? OR summary LIKE ?)")
            params += [f"%{self.text}%", f"%{self.text}%"]
        return (" AND ".join(parts) if parts else "1=1"), params


@app.route("/api/tickets/search")
def search_tickets():
    try:
        flt = TicketFilter(request.args)
    except ValueError:
        return jsonify(error="limit must be an integer"), 400
    order = flt.sort if flt.sort in SORTABLE else "opened_at"
    where, params = flt.where_clause()
    sql = (
        "SELECT id, title, severity, status, assignee, opened_at FROM tickets "
        f"WHERE {where} ORDER BY {order} DESC LIMIT ?"
    )
    with closing(get_db().cursor()) as cur:
        cur.execute(sql, (*params, flt.limit))
        rows = [dict(r) for r in cur.fetchall()]
    log.debug("ticket search returned %d rows", len(rows))
    return jsonify(count=len(rows), tickets=rows)


@app.route("/api/tickets/<int:ticket_id>")
def get_ticket(ticket_id: int):
    with closing(get_db().cursor()) as cur:
        cur.execute("SELECT * FROM tickets WHERE id = ?", (ticket_id,))
        row = cur.fetchone()
    if row is None:
        return jsonify(error="not found"), 404
    return jsonify(dict(row))


if __name__ == "__main__":
    app.run(host="127.0.0.1", port=8081)
