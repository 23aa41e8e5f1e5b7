"""Printable punch list page for site walk-throughs."""
import sqlite3
from typing import List

from flask import Flask, abort, make_response, request
from markupsafe import escape

app = Flask(__name__)
DB_PATH = "/var/lib/sitewalk/punch.db"

STATUS_BADGE = {
    "open": "#d9534f",
    "in_progress": "#f0ad4e",
    "closed": "#5cb85c",
}


def fetch_items(project_id: int, trade: str) -> List[sqlite3.Row]:
    con = sqlite3.connect(DB_PATH)
    con.row_factory = sqlite3.Row
    try:
        sql = ("SELECT id, location, trade, description, status, raised_by "
               "FROM punch_items WHERE project_id = ?")
        params = [project_id]
        if trade:
            sql += " AND trade = ?"
            params.append(trade)
        return con.execute(sql + " ORDER BY location, id", params).fetchall()
    finally:
        con.close()


def render_row(item: sqlite3.Row) -> str:
    colour = STATUS_BADGE.get(item["status"], "#777")
    return (
        "<tr>"
        f"<td>{escape(item['id'])}</td>"
        f"<td>{escape(item['location'])}</td>"
        f"<td>{escape(item['trade'])}</td>"
        f"<td>{escape(item['description'])}</td>"
        f"<td><span style='background:{colour}'>{escape(item['status'])}</span></td>"
        f"<td>{escape(item['raised_by'])}</td>"
        "</tr>"
    )


def render_page(project_id: int, trade: str, items) -> str:
    heading = f"Punch list &mdash; project {project_id}"
    if trade:
        heading += f" ({escape(trade)})"
    rows = "\n".join(render_row(i) for i in items) or "<tr><td colspan=6>No items</td></tr>"
    return f"""<!doctype html>
<html><head><title>{heading}</title></head>
<body>
<h1>{heading}</h1>
<table border=1 cellpadding=4>
<tr><th>#</th><th>Location</th><th>Trade</th><th>Description</th><th>Status</th><th>Raised by</th></tr>
{rows}
</table>
</body></html>"""


@app.route("/projects/<int:project_id>/punch-list")
def punch_list(project_id: int):
    trade = request.args.get("trade", "").strip()
    if len(trade) > 60:
        abort(400)
    items = fetch_items(project_id, trade)
    body = render_page(project_id, trade, items)
    resp = make_response(body)
    resp.headers["Content-Type"] = "text/html; charset=utf-8"
    return resp
