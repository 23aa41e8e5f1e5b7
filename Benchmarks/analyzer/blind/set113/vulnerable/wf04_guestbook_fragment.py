"""Server-rendered guestbook fragment for obituary pages (embedded via iframe on partner sites)."""
import logging
import sqlite3
from datetime import datetime

from flask import Flask, abort, g, make_response, request

app = Flask(__name__)
DB_PATH = "/var/lib/memorials/guestbook.db"
log = logging.getLogger("guestbook")

PAGE_HEAD = (
    "<!doctype html><html><head><meta charset='utf-8'>"
    "<link rel='stylesheet' href='/static/guestbook.css'></head><body>"
)
PAGE_TAIL = "</body></html>"


def get_db():
    if "db" not in g:
        g.db = sqlite3.connect(DB_PATH)
        g.db.row_factory = sqlite3.Row
    return g.db


def format_entry(entry) -> str:
    when = datetime.fromisoformat(entry["created_at"]).strftime("%B %d, %Y")
    return (
        '<li class="gb-entry">'
        f'<span class="gb-author">{entry["author"]}</span> '
        f'<span class="gb-date">{when}</span>'
        f'<p class="gb-message">{entry["message"]}</p>'
        "</li>"
    )


def approved_entries(obit_id: int, needle: str = ""):
    sql = (
        "SELECT author, message, created_at FROM guestbook "
        "WHERE obituary_id = ? AND approved = 1"
    )
    params = [obit_id]
    if needle:
        sql += " AND message LIKE ?"
        params.append(f"%{needle}%")
    return get_db().execute(sql + " ORDER BY created_at DESC", params).fetchall()


@app.route("/obituaries/<int:obit_id>/guestbook")
def guestbook(obit_id: int):
    rows = approved_entries(obit_id)
    items = "".join(format_entry(r) for r in rows)
    page = f"{PAGE_HEAD}<h3>Guestbook ({len(rows)})</h3><ul class='gb'>{items}</ul>{PAGE_TAIL}"
    resp = make_response(page)  # VULN flow
    resp.headers["Content-Type"] = "text/html; charset=utf-8"
    return resp


@app.route("/obituaries/<int:obit_id>/guestbook/search")
def guestbook_search(obit_id: int):
    needle = request.args.get("q", "").strip()
    if len(needle) > 200:
        abort(400)
    rows = approved_entries(obit_id, needle)
    if not rows:
        return f"<p class='gb-empty'>No messages matching <em>{request.args.get('q', '')}</em></p>"  # VULN
    return "<ul class='gb'>" + "".join(format_entry(r) for r in rows) + "</ul>"  # VULN flow


@app.teardown_appcontext
def close_db(exc):
    db = g.pop("db", None)
    if db is not None:
        db.close()
