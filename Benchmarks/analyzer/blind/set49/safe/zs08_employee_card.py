"""Printable employee contact card for the internal directory."""
import sqlite3
from contextlib import closing
from html import escape

from flask import Flask, Response, abort, request

app = Flask(__name__)
DB_PATH = "/var/lib/directory/directory.db"

CARD_FIELDS = [
    ("Title", "job_title"),
    ("Department", "department"),
    ("Office", "office"),
    ("Phone", "phone"),
    ("Email", "email"),
]

CARD_TEMPLATE = """<!doctype html>
<html><head><title>{title}</title>
<link rel="stylesheet" href="/static/card.css"></head>
<body><div class="card">
<h1>{name}</h1>
<p class="note">{note}</p>
<table>{rows}</table>
</div></body></html>"""


def load_employee(emp_id: int) -> dict:
    with closing(sqlite3.connect(DB_PATH)) as conn:
        conn.row_factory = sqlite3.Row
        row = conn.execute(
            "SELECT first_name, last_name, job_title, department, office, phone, email "
            "FROM employees WHERE id = ?",
            (emp_id,),
        ).fetchone()
    return dict(row) if row else {}


def render_card(emp: dict, note: str) -> str:
    full_name = escape(f"{emp['first_name']} {emp['last_name']}")
    rows = "".join(
        f"<tr><th>{label}</th><td>{escape(str(emp.get(key))) if emp.get(key) else '&mdash;'}</td></tr>"
        for label, key in CARD_FIELDS
    )
    return CARD_TEMPLATE.format(title=full_name, name=full_name, note=escape(note), rows=rows)


@app.get("/directory/<int:emp_id>/card")
def employee_card(emp_id: int):
    emp = load_employee(emp_id)
    if not emp:
        abort(404)
    note = request.args.get("note", "")[:200]
    html = render_card(emp, note)
    return Response(html, mimetype="text/html")
