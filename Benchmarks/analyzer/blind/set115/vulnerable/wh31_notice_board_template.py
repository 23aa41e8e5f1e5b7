"""Digital notice boards at the lift stations and the harbour office.

Duty managers post short notices (lift holds, wind warnings, fuel dock
hours); screens poll /boards/<board>/render for the HTML to display.
"""
import logging
import sqlite3
from datetime import datetime

from flask import Flask, abort, jsonify, render_template_string, request

app = Flask(__name__)
log = logging.getLogger("boards.notices")
DB_PATH = "/var/lib/boards/notices.db"

LAYOUT = """<!doctype html>
<html><head><meta http-equiv="refresh" content="60"><title>{{ board }}</title></head>
<body class="board">
  <header>{{ board|upper }} &middot; {{ now.strftime('%H:%M') }}</header>
  <main>
    <h1>{{ title }}</h1>
    <section class="body">__BODY__</section>
  </main>
</body></html>"""


def latest_notice(board: str):
    conn = sqlite3.connect(DB_PATH)
    conn.row_factory = sqlite3.Row
    try:
        return conn.execute(
            "SELECT title, body FROM notices WHERE board = ? AND active = 1 ORDER BY posted_at DESC LIMIT 1",
            (board,),
        ).fetchone()
    finally:
        conn.close()


def compose_page(body: str) -> str:
    # notices use simple markup: blank line = paragraph break
    paragraphs = "".join(f"<p>{p}</p>" for p in body.split("\n\n") if p.strip())
    return LAYOUT.replace("__BODY__", paragraphs)


@app.route("/boards/<board>/render")
def render_board(board):
    notice = latest_notice(board)
    if notice is None:
        abort(404)
    page = compose_page(notice["body"])
    return render_template_string(page, board=board, title=notice["title"], now=datetime.now())  # VULN flow


@app.route("/boards/<board>/preview", methods=["POST"])
def preview_notice(board):
    data = request.get_json(force=True)
    page = compose_page(data.get("body", ""))
    return render_template_string(page, board=board, title=data.get("title", ""), now=datetime.now())  # VULN flow


@app.route("/boards/<board>/notices", methods=["POST"])
def post_notice(board):
    data = request.get_json(force=True)
    conn = sqlite3.connect(DB_PATH)
    with conn:
        conn.execute(
            "INSERT INTO notices(board, title, body, active, posted_at) VALUES (?, ?, ?, 1, ?)",
            (board, data["title"], data["body"], datetime.now().isoformat()),
        )
    conn.close()
    log.info("notice posted to board %r", board)
    return jsonify({"ok": True}), 201


if __name__ == "__main__":
    app.run(port=5090)
