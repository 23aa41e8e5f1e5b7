"""Client-facing portal: search the case notes your attorney shared with you."""
import logging
import os
import sqlite3

from flask import Flask, abort, g, render_template, request, session
from markupsafe import escape

app = Flask(__name__)
app.config["SECRET_KEY"] = os.environ["PORTAL_SECRET_KEY"]
app.config["NOTES_DB"] = os.environ.get("NOTES_DB", "/var/lib/portal/notes.db")
log = logging.getLogger("portal.search")


def db():
    if "db" not in g:
        g.db = sqlite3.connect(app.config["NOTES_DB"])
        g.db.row_factory = sqlite3.Row
    return g.db


@app.teardown_appcontext
def close_db(_exc):
    conn = g.pop("db", None)
    if conn is not None:
        conn.close()


def search_notes(client_id, term):
    like = "%" + term + "%"
    return db().execute(
        "SELECT id, title, created_at FROM case_notes "
        "WHERE client_id = ? AND shared_with_client = 1 "
        "AND (title LIKE ? OR body LIKE ?) ORDER BY created_at DESC LIMIT 25",
        (client_id, like, like),
    ).fetchall()


@app.get("/portal/notes/search")
def notes_search():
    client_id = session.get("client_id")
    if client_id is None:
        abort(401)

    term = request.args.get("q", "").strip()
    if len(term) < 2:
        return render_template("notes_search.html", rows=[], term=term)

    rows = search_notes(client_id, term)
    log.info("client %s searched notes, %d hits", client_id, len(rows))
    if not rows:
        message = f"No shared notes match <b>{escape(term)}</b>. Try a receipt number or a form type such as I-130."
        return f"<div class='empty-state'>{message}</div>"
    return render_template("notes_search.html", rows=rows, term=term)


@app.get("/portal/notes/<int:note_id>")
def note_detail(note_id):
    client_id = session.get("client_id")
    if client_id is None:
        abort(401)
    row = db().execute(
        "SELECT id, title, body, created_at FROM case_notes "
        "WHERE id = ? AND client_id = ? AND shared_with_client = 1",
        (note_id, client_id),
    ).fetchone()
    if row is None:
        abort(404)
    return render_template("note_detail.html", note=row)
