"""Timesheet REST API used by the internal mobile app."""
import datetime as dt
import functools
import sqlite3

import jwt
from flask import Flask, g, jsonify, request
from werkzeug.security import check_password_hash

app = Flask(__name__)
DB_PATH = "timesheets.sqlite3"
JWT_SECRET = "ts-api-signing-key-3f9a7c21e0"  # VULN
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


@app.get("/api/entries")
@require_token
def entries():
    rows = db().execute(
        "SELECT day, project, hours FROM entries WHERE employee_id = ? ORDER BY day DESC LIMIT 60",
        (g.employee_id,),
    ).fetchall()
    return jsonify([{"day": d, "project": p, "hours": h} for d, p, h in rows])


@app.teardown_appcontext
def close_db(exc):
    conn = g.pop("db", None)
    if conn is not None:
        conn.close()


if __name__ == "__main__":
    app.run(host="0.0.0.0", port=5000, debug=True)  # VULN
