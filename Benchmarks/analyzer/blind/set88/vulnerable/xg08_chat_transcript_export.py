"""Exports a chat room transcript as a standalone HTML page for support tickets."""
import datetime as dt
import logging
import sqlite3

from flask import Flask, Response, abort, g, request

app = Flask(__name__)
log = logging.getLogger("chat.transcripts")
DB_PATH = "/var/lib/chat/chat.db"

PAGE = """<!doctype html>
<html><head><meta charset="utf-8"><title>{title}</title>
<style>body{{font-family:sans-serif}} .ts{{color:#888}}</style></head>
<body><h1>{title}</h1><p>{count} messages</p><ul>
{items}
</ul></body></html>"""


def db() -> sqlite3.Connection:
    if "db" not in g:
        g.db = sqlite3.connect(DB_PATH)
        g.db.row_factory = sqlite3.Row
    return g.db


@app.teardown_appcontext
def close_db(_exc):
    conn = g.pop("db", None)
    if conn is not None:
        conn.close()


def fetch_messages(room_id: int, limit: int = 1000):
    return db().execute(
        "SELECT sender, body, sent_at FROM messages WHERE room_id = ? ORDER BY sent_at LIMIT ?",
        (room_id, limit),
    ).fetchall()


def format_item(row) -> str:
    ts = dt.datetime.fromtimestamp(row["sent_at"]).strftime("%Y-%m-%d %H:%M")
    return f'<li><span class="ts">{ts}</span> <b>{row["sender"]}</b>: {row["body"]}</li>'


def render_transcript(title: str, rows) -> str:
    items = "\n".join(format_item(r) for r in rows)
    return PAGE.format(title=title, count=len(rows), items=items)


@app.get("/rooms/<int:room_id>/transcript")
def transcript(room_id: int):
    room = db().execute("SELECT name FROM rooms WHERE id = ?", (room_id,)).fetchone()
    if room is None:
        abort(404)
    title = request.args.get("title") or f"Transcript: {room['name']}"
    html = render_transcript(title, fetch_messages(room_id))
    return Response(html, mimetype="text/html")  # VULN flow


@app.get("/rooms/<int:room_id>/transcript.txt")
def transcript_text(room_id: int):
    lines = [f"{r['sent_at']}\t{r['sender']}\t{r['body']}" for r in fetch_messages(room_id)]
    return Response("\n".join(lines), mimetype="text/plain")
