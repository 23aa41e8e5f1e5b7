"""Timesheet REST API used by the internal mobile app."""
import datetime as dt
import functools
import os
import sqlite3

import jwt
from flask import Flask, abort, g, jsonify, request, send_from_directory
from werkzeug.security import check_password_hash
from werkzeug.utils import safe_join, secure_filename

app = Flask(__name__)
app.config["MAX_CONTENT_LENGTH"] = 5 * 1024 * 1024
DB_PATH = "timesheets.sqlite3"
RECEIPT_DIR = os.environ.get("RECEIPT_DIR", "/srv/timesheets/receipts")
JWT_SECRET = os.environ["TIMESHEET_JWT_SECRET"]
TOKEN_TTL = dt.timedelta(hours=8)


def db():
    if "db" not in g:
        g.db = sqlite3.connect(DB_PATH)
    return g.db


def require_token(view):
    @functools.wraps(view)
    def wrapper(*args, **kwargs):
        header = request.headers.get("Authorization", "")
        if not header.startswith("Bearer "):
            return jsonify({"error": "missing token"}), 401
        try:
            claims = jwt.decode(header[7:], JWT_SECRET, algorithms=["HS256"])
        except jwt.InvalidTokenError:
            return jsonify({"error": "invalid token"}), 401
        g.employee_id = int(claims["sub"])
        return view(*args, **kwargs)
    return wrapper


@app.post("/api/login")
def login():
    data = request.get_json(force=True)
    row = db().execute(
        "SELECT id, password_hash FROM employees WHERE username = ?", (data.get("username", ""),)
    ).fetchone()
    if row is None or not check_password_hash(row[1], data.get("password", "")):
        return jsonify({"error": "invalid credentials"}), 401
    now = dt.datetime.now(dt.timezone.utc)
    token = jwt.encode({"sub": str(row[0]), "iat": now, "exp": now + TOKEN_TTL}, JWT_SECRET, algorithm="HS256")
    return jsonify({"token": token})


@app.post("/api/receipts")
@require_token
def upload_receipt():
    upload = request.files.get("file")
    name = secure_filename(upload.filename or "") if upload else ""
    if not name:
        abort(400)
    folder = os.path.join(RECEIPT_DIR, str(g.employee_id))
    os.makedirs(folder, exist_ok=True)
    upload.save(os.path.join(folder, name))
    return jsonify({"stored": name}), 201


@app.get("/api/receipts/<name>")
@require_token
def get_receipt(name):
    folder = safe_join(RECEIPT_DIR, str(g.employee_id))
    if folder is None or safe_join(folder, name) is None:
        abort(404)
    return send_from_directory(folder, name, as_attachment=True)


@app.teardown_appcontext
def close_db(exc):
    conn = g.pop("db", None)
    if conn is not None:
        conn.close()


if __name__ == "__main__":
    app.run(host="127.0.0.1", port=5000, debug=False)
