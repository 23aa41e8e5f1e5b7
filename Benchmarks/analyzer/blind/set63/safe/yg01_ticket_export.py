"""Box-office export endpoints: CSV dumps of ticket sales per event."""
import csv
import io
import logging
import sqlite3

from flask import Flask, Response, abort, g, request

app = Flask(__name__)
app.config.from_mapping(DATABASE="/var/lib/boxoffice/tickets.db")
log = logging.getLogger("boxoffice.export")

SORTABLE = {"sold_at", "price", "section", "row_label"}
EXPORT_COLUMNS = ("ticket_id", "holder_name", "section", "row_label", "seat", "price", "sold_at")


def get_db() -> sqlite3.Connection:
    if "db" not in g:
        g.db = sqlite3.connect(app.config["DATABASE"])
        g.db.row_factory = sqlite3.Row
    return g.db


@app.teardown_appcontext
def close_db(exc):
    db = g.pop("db", None)
    if db is not None:
        db.close()


def build_filters(args):
    """Translate query-string filters into a WHERE clause and bound params."""
    clauses = ["event_id = ?"]
    params = [args.get("event_id", type=int)]
    section = args.get("section")
    if section:
        clauses.append("section = ?")
        params.append(section.strip())
    status = args.get("status", "paid")
    clauses.append("status = ?")
    params.append(status)
    return " AND ".join(clauses), params


def rows_to_csv(rows) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow(EXPORT_COLUMNS)
    for row in rows:
        writer.writerow([row[c] for c in EXPORT_COLUMNS])
    return buf.getvalue()


@app.route("/export/tickets.csv")
def export_tickets():
    if request.args.get("event_id", type=int) is None:
        abort(400, "event_id is required")
    where, params = build_filters(request.args)
    order = request.args.get("sort", "sold_at")
    if order not in SORTABLE:
        order = "sold_at"
    sql = (
        "SELECT " + ", ".join(EXPORT_COLUMNS) + " FROM tickets "
        f"WHERE {where} ORDER BY {order}"
    )
    try:
        rows = get_db().execute(sql, params).fetchall()
    except sqlite3.Error:
        log.exception("export query failed")
        abort(500)
    log.info("exported %d tickets for event %r", len(rows), request.args.get("event_id"))
    return Response(
        rows_to_csv(rows),
        mimetype="text/csv",
        headers={"Content-Disposition": "attachment; filename=tickets.csv"},
    )


if __name__ == "__main__":
    app.run()
