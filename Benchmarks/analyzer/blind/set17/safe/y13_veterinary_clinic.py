"""Bottle app for the veterinary clinic's patient notes screen."""
import logging
import os
import sqlite3
from datetime import datetime

from bottle import Bottle, HTTPError, request, response, run
from jinja2 import Environment, FileSystemLoader, select_autoescape

log = logging.getLogger("vetclinic.notes")

TEMPLATE_DIR = os.path.join(os.path.dirname(__file__), "templates")
DB_PATH = os.environ.get("VET_DB", "/var/lib/vetclinic/clinic.db")

env = Environment(loader=FileSystemLoader(TEMPLATE_DIR), autoescape=select_autoescape(["html", "xml"]))
env.filters["ddmmyyyy"] = lambda value: datetime.fromisoformat(value).strftime("%d/%m/%Y")

app = Bottle()


def get_conn():
    conn = sqlite3.connect(DB_PATH)
    conn.row_factory = sqlite3.Row
    return conn


def load_pet(conn, pet_id):
    row = conn.execute(
        "SELECT id, name, species, owner_name FROM pets WHERE id = ?", (pet_id,)
    ).fetchone()
    if row is None:
        raise HTTPError(404, "no such patient")
    return dict(row)


def load_notes(conn, pet_id):
    return [
        dict(r)
        for r in conn.execute(
            "SELECT author, body, created_at FROM notes WHERE pet_id = ? ORDER BY created_at DESC",
            (pet_id,),
        )
    ]


@app.get("/pets/<pet_id:int>/notes")
def pet_notes(pet_id):
    with get_conn() as conn:
        pet = load_pet(conn, pet_id)
        notes = load_notes(conn, pet_id)
    highlight = request.query.getunicode("highlight", default="")
    response.content_type = "text/html; charset=utf-8"
    return env.get_template("notes.html").render(pet=pet, notes=notes, highlight=highlight)


@app.post("/pets/<pet_id:int>/notes")
def add_note(pet_id):
    body = (request.forms.getunicode("body") or "").strip()
    author = request.get_header("X-Staff-User", "unknown")
    if not body:
        raise HTTPError(400, "empty note")
    with get_conn() as conn:
        load_pet(conn, pet_id)
        conn.execute(
            "INSERT INTO notes (pet_id, author, body, created_at) VALUES (?, ?, ?, ?)",
            (pet_id, author, body, datetime.utcnow().isoformat()),
        )
    log.info("note added pet=%s author=%r", pet_id, author)
    response.status = 201
    return {"ok": True}


if __name__ == "__main__":
    run(app, host="127.0.0.1", port=int(os.environ.get("PORT", "8081")), debug=False)
