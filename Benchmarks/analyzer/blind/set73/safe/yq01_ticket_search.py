"""Ticket search endpoint for the support desk back office."""
import logging
import sqlite3

from flask import Flask, g, jsonify, request

app = Flask(__name__)
log = logging.getLogger("helpdesk.search")

DB_PATH = "helpdesk.db"
SORTABLE = {"created": "created_at", "priority": "priority", "status": "status"}


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


class TicketQuery:
    """Collects the filters an agent typed into the search bar."""

    def __init__(self, args):
        self.status = args.get("status", "open")
        self.assignee = args.get("assignee")
        self.text = args.get("q", "")
        self.sort = SORTABLE.get(args.get("sort", "created"), "created_at")
        self.limit = min(int(args.get("limit", 50)), 200)

    def where_clause(self):
        parts = ["status = ?"]
        params = [self.status]
        if self.assignee:
            parts.append("assignee = ?")
            params.append(self.assignee)
        if self.text:
            parts.append("(subject LIKE ? OR body LIKE ?)")
            like = "%" + self.text + "%"
            params.extend([like, like])
        return " AND ".join(parts), params


def run_search(tq):
    where, params = tq.where_clause()
    sql = (
        "SELECT id, subject, status, priority, assignee, created_at "
        "FROM tickets WHERE "
    )
    sql += where
    sql += " ORDER BY %s DESC LIMIT %d" % (tq.sort, tq.limit)
    log.debug("ticket search sql=%r params=%r", sql, params)
    cur = get_db().execute(sql, params)
    return [dict(r) for r in cur.fetchall()]


@app.route("/api/tickets/search")
def search_tickets():
    try:
        tq = TicketQuery(request.args)
    except ValueError:
        return jsonify({"error": "bad limit"}), 400
    try:
        rows = run_search(tq)
    except sqlite3.Error as exc:
        log.warning("search failed: %r", exc)
        return jsonify({"error": "search failed"}), 400
    return jsonify({"count": len(rows), "results": rows})


if __name__ == "__main__":
    app.run(port=5001)
