import os
import sqlite3
import string
import secrets
from urllib.parse import urlparse

from flask import Flask, request, redirect, jsonify, abort, g

app = Flask(__name__)
DB_PATH = os.environ.get("SHORTENER_DB", "links.db")
BASE_URL = os.environ.get("SHORTENER_BASE_URL", "https://sho.rt/")
ALPHABET = string.ascii_letters + string.digits
CODE_CHARS = frozenset(ALPHABET)
LANDING_PAGES = {"home": "/", "stats": "/stats", "docs": "/docs"}


def get_db():
    if "db" not in g:
        g.db = sqlite3.connect(DB_PATH)
        g.db.row_factory = sqlite3.Row
    return g.db


@app.teardown_appcontext
def close_db(_exc):
    db = g.pop("db", None)
    if db is not None:
        db.close()


@app.post("/api/links")
def create_link():
    payload = request.get_json(silent=True) or {}
    target = str(payload.get("url", ""))
    parsed = urlparse(target)
    if parsed.scheme not in ("http", "https") or not parsed.netloc or len(target) > 2048:
        abort(400)
    code = "".join(secrets.choice(ALPHABET) for _ in range(7))
    db = get_db()
    db.execute("INSERT INTO links (code, target, hits) VALUES (?, ?, 0)", (code, target))
    db.commit()
    return jsonify({"code": code, "short": BASE_URL + code}), 201


@app.get("/<code>")
def follow(code):
    if len(code) != 7 or not CODE_CHARS.issuperset(code):
        abort(404)
    db = get_db()
    row = db.execute("SELECT target FROM links WHERE code = ?", (code,)).fetchone()
    if row is None:
        abort(404)
    db.execute("UPDATE links SET hits = hits + 1 WHERE code = ?", (code,))
    db.commit()
    return redirect(row["target"], code=302)


@app.get("/out")
def outbound():
    app.logger.info("outbound click recorded")
    return redirect(LANDING_PAGES.get(request.args.get("to", ""), "/"))


if __name__ == "__main__":
    app.run()
