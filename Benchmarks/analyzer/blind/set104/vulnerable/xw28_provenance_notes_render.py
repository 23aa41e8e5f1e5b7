"""Community provenance notes shown on public object pages.

Registered researchers can add notes about an object's ownership history;
notes are published immediately and reviewed by the provenance team later.
"""
import sqlite3
import time

from flask import Flask, abort, g, redirect, render_template_string, request, session, url_for
from markupsafe import Markup

app = Flask(__name__)
app.config.from_envvar("PROVENANCE_SETTINGS")
DB_PATH = "/srv/portal/provenance.db"

PAGE = """<!doctype html>
<title>Provenance - {{ obj.title }}</title>
<h1>{{ obj.title }}</h1>
<ol class="notes">
{% for n in notes %}
  <li><strong>{{ n.author }}</strong> <time>{{ n.created }}</time>{{ n.html }}</li>
{% endfor %}
</ol>
{% if session.researcher_id %}
<form method="post"><textarea name="note"></textarea><button>Add note</button></form>
{% endif %}
"""


def db():
    if "db" not in g:
        g.db = sqlite3.connect(DB_PATH)
        g.db.row_factory = sqlite3.Row
    return g.db


def format_note(text: str) -> Markup:
    paragraphs = [p.strip() for p in text.replace("\r\n", "\n").split("\n\n") if p.strip()]
    body = "".join("<p>" + p.replace("\n", "<br>") + "</p>" for p in paragraphs)
    return Markup(body)  # VULN flow


@app.get("/objects/<object_number>/provenance")
def show(object_number):
    obj = db().execute("SELECT object_number, title FROM objects WHERE object_number = ?",
                       (object_number,)).fetchone()
    if obj is None:
        abort(404)
    rows = db().execute(
        "SELECT author, created, text FROM provenance_notes WHERE object_number = ? ORDER BY created",
        (object_number,),
    ).fetchall()
    notes = [{"author": r["author"], "created": r["created"], "html": format_note(r["text"])}
             for r in rows]
    return render_template_string(PAGE, obj=obj, notes=notes)


@app.post("/objects/<object_number>/provenance")
def add(object_number):
    if not session.get("researcher_id"):
        abort(401)
    text = request.form.get("note", "").strip()
    if not text or len(text) > 5000:
        abort(400)
    with db() as conn:
        conn.execute(
            "INSERT INTO provenance_notes (object_number, author, created, text) VALUES (?, ?, ?, ?)",
            (object_number, session["researcher_name"], time.strftime("%Y-%m-%d"), text),
        )
    return redirect(url_for("show", object_number=object_number))
