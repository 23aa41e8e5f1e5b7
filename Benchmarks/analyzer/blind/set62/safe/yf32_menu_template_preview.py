"""Digital menu board editor: franchisees tweak the board template and
preview it with live prices before pushing it to the in-store screens."""
import logging
import os
import sqlite3

from flask import Flask, abort, jsonify, request
from jinja2 import TemplateSyntaxError
from jinja2.sandbox import SandboxedEnvironment

app = Flask(__name__)
log = logging.getLogger("menuboard")
DB_PATH = os.environ.get("MENUBOARD_DB", "/srv/menuboard/boards.db")

env = SandboxedEnvironment(autoescape=True, trim_blocks=True, lstrip_blocks=True)
env.filters["money"] = lambda cents: f"${cents / 100:,.2f}"


def _conn() -> sqlite3.Connection:
    conn = sqlite3.connect(DB_PATH)
    conn.row_factory = sqlite3.Row
    return conn


def load_board(board_id: int) -> dict:
    with _conn() as conn:
        board = conn.execute("SELECT id, store_id, title, template FROM boards WHERE id = ?",
                             (board_id,)).fetchone()
        if board is None:
            return None
        items = conn.execute(
            "SELECT name, price_cents, calories, section FROM board_items WHERE board_id = ? "
            "ORDER BY section, position", (board_id,)).fetchall()
    return {**dict(board), "items": [dict(i) for i in items]}


def render_board(source: str, board: dict) -> str:
    sections = {}
    for item in board["items"]:
        sections.setdefault(item["section"], []).append(item)
    template = env.from_string(source)
    return template.render(title=board["title"], sections=sections, store_id=board["store_id"])


@app.post("/boards/<int:board_id>/preview")
def preview(board_id: int):
    board = load_board(board_id)
    if board is None:
        abort(404)
    source = request.form.get("template") or board["template"]
    log.info("preview of board %d requested by %r", board_id, request.form.get("editor", "unknown"))
    try:
        html = render_board(source, board)
    except TemplateSyntaxError as exc:
        return jsonify(error=f"line {exc.lineno}: {exc.message}"), 422
    return html


@app.put("/boards/<int:board_id>/template")
def save_template(board_id: int):
    source = request.form.get("template", "")
    board = load_board(board_id)
    if board is None:
        abort(404)
    try:
        render_board(source, board)
    except TemplateSyntaxError as exc:
        return jsonify(error=f"line {exc.lineno}: {exc.message}"), 422
    with _conn() as conn:
        conn.execute("UPDATE boards SET template = ? WHERE id = ?", (source, board_id))
    return jsonify(saved=board_id)
