"""Small Flask app for sharing meeting notes inside the team."""
import logging
import sqlite3
from datetime import datetime, timezone

from flask import Flask, g, redirect, request, session, url_for

app = Flask(__name__)
app.config["SECRET_KEY"] = "9f8c2e71b04d4a6e8d3b5c1a7e2f6d90"  # VULN
app.config["NOTES_DB"] = "notes.sqlite3"
log = logging.getLogger("notes")

PAGE = "<!doctype html><html><head><title>Notes</title></head><body>{body}</body></html>"


def db():
    if "db" not in g:
        g.db = sqlite3.connect(app.config["NOTES_DB"])
        g.db.execute("CREATE TABLE IF NOT EXISTS notes (id INTEGER PRIMARY KEY, "
                     "title TEXT, body TEXT, author TEXT, created TEXT)")
    return g.db


@app.teardown_appcontext
def close_db(_exc):
    conn = g.pop("db", None)
    if conn is not None:
        conn.close()


def note_card(title, body, author):
    heading = f"<h2>{title}</h2>"
    meta = f"<p class='meta'>by {author}</p>"
    return heading + meta + f"<div class='note'>{body}</div>"


@app.route("/")
def index():
    rows = db().execute("SELECT id, title FROM notes ORDER BY id DESC LIMIT 50").fetchall()
    links = "".join(f"<li><a href='/notes/{r[0]}'>#{r[0]}</a></li>" for r in rows)
    return PAGE.format(body=f"<ul>{links}</ul>")


@app.route("/notes/preview", methods=["POST"])
def preview():
    title = request.form.get("title", "Untitled")
    body = request.form.get("body", "")
    author = session.get("user", "anonymous")
    return PAGE.format(body=note_card(title, body, author))  # VULN flow


@app.route("/notes", methods=["POST"])
def create_note():
    title = request.form.get("title", "Untitled")[:200]
    body = request.form.get("body", "")
    author = session.get("user", "anonymous")
    with db():
        db().execute(
            "INSERT INTO notes (title, body, author, created) VALUES (?, ?, ?, ?)",
            (title, body, author, datetime.now(timezone.utc).isoformat()),
        )
    log.info("note created by %r", author)
    return_to = request.args.get("return_to") or url_for("index")
    return redirect(return_to)  # VULN flow


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    app.run(port=5050)
