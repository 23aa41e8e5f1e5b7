"""Audit-log viewer for firm administrators."""
import csv
import io
import os
import sqlite3
from urllib.parse import urlparse

from flask import Flask, Response, g, redirect, render_template_string, request, session
from markupsafe import escape

app = Flask(__name__)
app.secret_key = os.environ["AUDIT_VIEWER_SECRET"]
DB_PATH = os.environ.get("AUDIT_DB", "/srv/audit/audit.db")

TABLE_TMPL = """
<h2>Audit entries matching "{{ q }}"</h2>
<table>
{% for e in entries %}
<tr><td>{{ e.ts }}</td><td>{{ e.actor }}</td><td>{{ e.action }}</td><td>{{ e.detail }}</td></tr>
{% endfor %}
</table>
<a href="/audit/export?q={{ q|urlencode }}">Export CSV</a>
"""


def get_db():
    if "db" not in g:
        g.db = sqlite3.connect(DB_PATH)
        g.db.row_factory = sqlite3.Row
    return g.db


def search_entries(firm_id: int, q: str):
    return get_db().execute(
        "SELECT ts, actor, action, detail FROM audit_log WHERE firm_id = ? "
        "AND (actor LIKE ? OR action LIKE ? OR detail LIKE ?) ORDER BY ts DESC LIMIT 500",
        (firm_id, f"%{q}%", f"%{q}%", f"%{q}%"),
    ).fetchall()


def local_only(target: str, default: str = "/audit") -> str:
    parsed = urlparse(target)
    if parsed.scheme or parsed.netloc or not target.startswith("/") or target.startswith("//") or "\\" in target:
        return default
    return target


@app.before_request
def require_admin():
    if session.get("role") != "firm_admin":
        return Response("forbidden", status=403)


@app.route("/audit")
def audit():
    q = request.args.get("q", "")
    entries = search_entries(session["firm_id"], q)
    if not entries:
        return f"<p>No audit entries matching <b>{escape(request.args.get('q', ''))}</b></p>"
    return render_template_string(TABLE_TMPL, entries=entries, q=q)


@app.route("/audit/export")
def export():
    q = request.args.get("q", "")
    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow(["ts", "actor", "action", "detail"])
    for e in search_entries(session["firm_id"], q):
        writer.writerow([e["ts"], e["actor"], e["action"], e["detail"]])
    return Response(buf.getvalue(), mimetype="text/csv",
                    headers={"Content-Disposition": "attachment; filename=audit.csv"})


@app.route("/audit/done")
def export_done():
    return redirect(local_only(request.args.get("return_to", "/audit")))
