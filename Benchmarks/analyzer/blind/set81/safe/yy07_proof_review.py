"""Proof review pages shown to prepress staff and customers."""
import datetime as dt
import sqlite3

from flask import Flask, Response, abort, g, redirect, request, url_for
from markupsafe import escape

app = Flask(__name__)
DB_PATH = "/var/lib/printshop/proofs.db"

PAGE = """<!doctype html>
<html><head><meta charset="utf-8"><title>Proof #{proof_id}</title>
<link rel="stylesheet" href="/static/proof.css"></head>
<body>{body}</body></html>"""

CARD = """<section class="proof">
  <h1>{file_name}</h1>
  <p class="meta">Version {version} &middot; uploaded {uploaded}</p>
  <img src="/proofs/{proof_id}/preview.png" alt="proof preview">
  <h2>Customer notes</h2>
  <blockquote>{note}</blockquote>
  <form method="post" action="/proofs/{proof_id}/comment">
    <textarea name="note"></textarea><button>Add note</button>
  </form>
</section>"""


def db():
    if "db" not in g:
        g.db = sqlite3.connect(DB_PATH)
        g.db.row_factory = sqlite3.Row
    return g.db


@app.teardown_appcontext
def close_db(exc):
    conn = g.pop("db", None)
    if conn is not None:
        conn.close()


def load_proof(proof_id):
    row = db().execute(
        "SELECT id, file_name, version, uploaded_at, customer_note FROM proofs WHERE id = ?",
        (proof_id,),
    ).fetchone()
    return dict(row) if row else None


def render_card(proof):
    uploaded = dt.datetime.fromisoformat(proof["uploaded_at"]).strftime("%d %b %Y %H:%M")
    note = str(escape(proof["customer_note"] or "")).replace("\n", "<br>")
    return CARD.format(
        proof_id=int(proof["id"]),
        file_name=escape(proof["file_name"]),
        version=escape(proof["version"]),
        uploaded=uploaded,
        note=note,
    )


@app.route("/proofs/<int:proof_id>")
def show_proof(proof_id):
    proof = load_proof(proof_id)
    if proof is None:
        abort(404)
    html = PAGE.format(proof_id=proof_id, body=render_card(proof))
    return Response(html, mimetype="text/html")


@app.route("/proofs/<int:proof_id>/comment", methods=["POST"])
def add_comment(proof_id):
    note = request.form.get("note", "").strip()
    if note:
        db().execute(
            "UPDATE proofs SET customer_note = COALESCE(customer_note || char(10), '') || ?"
            " WHERE id = ?",
            (note[:2000], proof_id),
        )
        db().commit()
    return redirect(url_for("show_proof", proof_id=proof_id))
