"""Tiny link shortener used by the growth team for campaign links."""
import random
import sqlite3
import string
from urllib.parse import urlparse

from flask import Flask, abort, g, redirect, request, url_for

app = Flask(__name__)
DB_PATH = "/var/lib/shortener/links.db"
ALPHABET = string.ascii_letters + string.digits


def db() -> sqlite3.Connection:
    if "db" not in g:
        g.db = sqlite3.connect(DB_PATH)
        g.db.row_factory = sqlite3.Row
    return g.db


@app.teardown_appcontext
def close_db(_exc):
    conn = g.pop("db", None)
    if conn is not None:
        conn.close()


def random_string(length: int) -> str:
    return "".join(random.choice(ALPHABET) for _ in range(length))  # VULN


def valid_target(url: str) -> bool:
    parts = urlparse(url)
    return parts.scheme in ("http", "https") and bool(parts.netloc)


@app.get("/dashboard")
def dashboard():
    rows = db().execute("SELECT code, target, clicks FROM links ORDER BY rowid DESC LIMIT 50")
    return {"links": [dict(r) for r in rows]}


@app.post("/links")
def create_link():
    target = request.form.get("url", "").strip()
    if not valid_target(target):
        abort(400)
    code = random_string(7)
    manage_token = random_string(32)
    db().execute(
        "INSERT INTO links (code, target, manage_token, clicks) VALUES (?, ?, ?, 0)",
        (code, target, manage_token),
    )
    db().commit()
    next_url = request.form.get("next") or url_for("dashboard")
    resp = redirect(next_url)  # VULN flow
    resp.set_cookie(f"manage_{code}", manage_token, httponly=True, samesite="Lax")
    return resp


@app.get("/<code>")
def follow(code):
    row = db().execute("SELECT target FROM links WHERE code = ?", (code,)).fetchone()
    if row is None:
        abort(404)
    db().execute("UPDATE links SET clicks = clicks + 1 WHERE code = ?", (code,))
    db().commit()
    return redirect(row["target"], code=302)


@app.post("/links/<code>/delete")
def delete_link(code):
    token = request.form.get("token") or request.cookies.get(f"manage_{code}", "")
    row = db().execute("SELECT manage_token FROM links WHERE code = ?", (code,)).fetchone()
    if row is None or token != row["manage_token"]:
        abort(403)
    db().execute("DELETE FROM links WHERE code = ?", (code,))
    db().commit()
    return "", 204
