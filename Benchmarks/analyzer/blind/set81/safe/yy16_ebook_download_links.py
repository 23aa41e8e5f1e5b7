"""Time-limited download links for purchased e-books."""
import logging
import os
import random
import secrets
import sqlite3
import string
import time

from flask import Flask, abort, g, jsonify, send_from_directory, session

app = Flask(__name__)
app.secret_key = os.environ["EBOOK_SESSION_KEY"]
log = logging.getLogger("ebooks.downloads")

EBOOK_DIR = os.environ.get("EBOOK_DIR", "/srv/ebooks/files")
DB_PATH = os.environ.get("EBOOK_DB", "/var/lib/ebooks/store.db")
TOKEN_ALPHABET = string.ascii_letters + string.digits
LINK_TTL = 48 * 3600
MAX_DOWNLOADS = 5


def db():
    if "db" not in g:
        g.db = sqlite3.connect(DB_PATH)
        g.db.row_factory = sqlite3.Row
    return g.db


def new_token(length=24):
    return "".join(secrets.choice(TOKEN_ALPHABET) for _ in range(length))


def issue_link(purchase_id, file_name):
    token = new_token()
    db().execute(
        "INSERT INTO download_links (token, purchase_id, file_name, expires_at, uses)"
        " VALUES (?, ?, ?, ?, 0)",
        (token, purchase_id, file_name, int(time.time()) + LINK_TTL),
    )
    db().commit()
    return token


@app.post("/api/purchases/<int:purchase_id>/links")
def create_links(purchase_id):
    customer_id = session.get("customer_id")
    if customer_id is None:
        abort(401)
    rows = db().execute(
        "SELECT f.file_name FROM purchases p JOIN edition_files f ON f.edition_id = p.edition_id"
        " WHERE p.id = ? AND p.customer_id = ? AND p.status = 'paid'",
        (purchase_id, customer_id),
    ).fetchall()
    if not rows:
        abort(404)
    links = {r["file_name"]: f"/dl/{issue_link(purchase_id, r['file_name'])}" for r in rows}
    log.info("issued %d download links for purchase %d", len(links), purchase_id)
    return jsonify(links=links, expires_in=LINK_TTL)


@app.get("/dl/<token>")
def download(token):
    row = db().execute(
        "SELECT file_name, expires_at, uses FROM download_links WHERE token = ?", (token,)
    ).fetchone()
    if row is None or row["expires_at"] < time.time() or row["uses"] >= MAX_DOWNLOADS:
        abort(404)
    db().execute("UPDATE download_links SET uses = uses + 1 WHERE token = ?", (token,))
    db().commit()
    return send_from_directory(EBOOK_DIR, row["file_name"], as_attachment=True)


@app.get("/api/featured")
def featured():
    titles = [dict(r) for r in db().execute("SELECT isbn, title FROM editions WHERE featured = 1")]
    picks = random.sample(titles, k=min(6, len(titles)))
    return jsonify(featured=picks)
