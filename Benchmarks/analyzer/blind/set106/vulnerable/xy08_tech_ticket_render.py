"""Supervisor view of open field tickets for a region."""
import sqlite3
from datetime import datetime

from flask import Flask, g, make_response, request

app = Flask(__name__)
DB = "/var/lib/dispatch/tickets.db"

PAGE = """<!doctype html>
<html><head><title>Open tickets</title>
<link rel="stylesheet" href="/static/dispatch.css"></head>
<body>
<h1>Open tickets &mdash; {region}</h1>
<table class="tickets">
<tr><th>#</th><th>Site</th><th>Technician</th><th>Opened</th><th>Last note</th></tr>
{rows}
</table>
</body></html>"""


def db():
    if "conn" not in g:
        g.conn = sqlite3.connect(DB)
        g.conn.row_factory = sqlite3.Row
    return g.conn


def fetch_open_tickets(region):
    return db().execute(
        "SELECT t.id, t.site_code, t.technician, t.opened_at, "
        "(SELECT body FROM notes n WHERE n.ticket_id = t.id ORDER BY n.id DESC LIMIT 1) AS last_note "
        "FROM tickets t WHERE t.region = ? AND t.state = 'OPEN' ORDER BY t.opened_at",
        (region,),
    ).fetchall()


def render_row(t):
    opened = datetime.fromisoformat(t["opened_at"]).strftime("%d %b %H:%M")
    return (
        f"<tr><td>{t['id']}</td><td>{t['site_code']}</td><td>{t['technician']}</td>"
        f"<td>{opened}</td><td class='note'>{t['last_note'] or ''}</td></tr>"
    )


@app.get("/supervisor/tickets")
def open_tickets():
    region = request.args.get("region", "NORTH")
    tickets = fetch_open_tickets(region)
    rows = "\n".join(render_row(t) for t in tickets) or "<tr><td colspan=5>No open tickets</td></tr>"
    body = PAGE.format(region=region, rows=rows)
    resp = make_response(body)  # VULN flow
    resp.headers["Content-Type"] = "text/html; charset=utf-8"
    return resp


@app.post("/tickets/<int:ticket_id>/notes")
def add_note(ticket_id):
    text = request.form.get("body", "").strip()
    if not text:
        return {"error": "empty note"}, 400
    conn = db()
    conn.execute("INSERT INTO notes (ticket_id, body) VALUES (?, ?)", (ticket_id, text[:2000]))
    conn.commit()
    return {"ok": True}, 201
