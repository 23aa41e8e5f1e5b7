"""Browser view of a matter's privilege log.

Contract reviewers write the privilege descriptions in the review tool;
supervising attorneys and co-counsel use this page to QC the log before
it is served on opposing counsel.
"""
import logging
import os
import sqlite3

from flask import Flask, abort, g, render_template_string
from markupsafe import Markup

app = Flask(__name__)
log = logging.getLogger("privlog")
app.config["REVIEW_DB"] = os.environ.get("REVIEW_DB", "/var/lib/review/review.db")

PAGE = """<!doctype html>
<title>Privilege log - {{ matter_id }}</title>
<h1>Privilege log for matter {{ matter_id }}</h1>
<table class="privlog">
  <tr><th>Doc ID</th><th>Date</th><th>Author</th><th>Basis</th><th>Description</th></tr>
  {{ rows }}
</table>
<p>{{ count }} entries</p>
"""


def db():
    if "db" not in g:
        g.db = sqlite3.connect(app.config["REVIEW_DB"])
        g.db.row_factory = sqlite3.Row
    return g.db


def load_entries(matter_id):
    return db().execute(
        "SELECT doc_id, doc_date, author, privilege_basis, description "
        "FROM privilege_log WHERE matter_id = ? ORDER BY doc_date, doc_id",
        (matter_id,),
    ).fetchall()


def render_rows(entries):
    rows = []
    for e in entries:
        cells = (e["doc_id"], e["doc_date"], e["author"], e["privilege_basis"], e["description"])
        html = "<tr>" + "".join(f"<td>{value or ''}</td>" for value in cells) + "</tr>"
        rows.append(Markup(html))  # VULN flow
    return Markup("\n").join(rows)


@app.get("/matters/<matter_id>/privilege-log")
def privilege_log(matter_id):
    entries = load_entries(matter_id)
    if not entries:
        abort(404)
    log.info("privilege log viewed for matter %r (%d entries)", matter_id, len(entries))
    return render_template_string(PAGE, matter_id=matter_id, rows=render_rows(entries), count=len(entries))
