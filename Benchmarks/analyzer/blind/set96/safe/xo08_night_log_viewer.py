"""Control-room night log viewer.

Observers append free-text entries during the night; the day crew reads them
back through this page.
"""
import sqlite3
from html import escape

from flask import Flask, Response, jsonify, request

app = Flask(__name__)
DB = "/var/lib/nightlog/log.db"

PAGE = """<!doctype html>
<html><head><title>Night log {night}</title></head>
<body>
<h1>Night log for {night}</h1>
<form method="get">
  <input type="hidden" name="night" value="{night}">
  <input name="q" value="{query}"> <button>Filter</button>
</form>
<table>
<tr><th>UTC</th><th>Observer</th><th>Category</th><th>Entry</th></tr>
{rows}
</table>
</body></html>
"""


def connect():
    return sqlite3.connect(DB)


def known_night(night: str) -> bool:
    con = connect()
    try:
        return con.execute("SELECT 1 FROM nights WHERE night = ?", (night,)).fetchone() is not None
    finally:
        con.close()


def fetch_entries(night: str, query: str) -> list:
    con = connect()
    try:
        cur = con.execute(
            "SELECT utc, observer, category, text FROM entries "
            "WHERE night = ? AND text LIKE ? ORDER BY utc",
            (night, f"%{query}%"),
        )
        return cur.fetchall()
    finally:
        con.close()


def render_rows(entries) -> str:
    out = []
    for utc, observer, category, text in entries:
        cells = "".join(f"<td>{escape(str(v))}</td>" for v in (utc, observer, category, text))
        out.append(f"<tr>{cells}</tr>")
    return "\n".join(out)


@app.route("/nightlog")
def nightlog():
    night = request.args.get("night", "")
    query = request.args.get("q", "")
    if not known_night(night):
        return f"<h2>No log recorded for night {escape(request.args.get('night', ''))}</h2>", 404
    rows = render_rows(fetch_entries(night, query))
    page = PAGE.format(night=escape(night), query=escape(query), rows=rows)
    return Response(page, mimetype="text/html")


@app.route("/nightlog/entry", methods=["POST"])
def add_entry():
    night = request.form["night"]
    if not known_night(night):
        return jsonify({"error": "unknown night"}), 404
    con = connect()
    with con:
        con.execute(
            "INSERT INTO entries (night, utc, observer, category, text) "
            "VALUES (?, datetime('now'), ?, ?, ?)",
            (night, request.form.get("observer", ""), request.form.get("category", "note"),
             request.form.get("text", "")),
        )
    con.close()
    return jsonify({"ok": True})
