"""Token-authenticated API for the fleet telematics dashboard."""
import datetime as dt
import os
import sqlite3
from functools import wraps

import jwt
from flask import Flask, g, jsonify, request
from werkzeug.security import check_password_hash

app = Flask(__name__)
DB = os.environ.get("FLEET_DB", "/srv/fleet/fleet.db")
JWT_SECRET = "fleet-dashboard-signing-key-2023"  # VULN
TOKEN_TTL = dt.timedelta(hours=8)


def issue_token(user_id, fleet_id, role):
    now = dt.datetime.now(dt.timezone.utc)
    claims = {"sub": str(user_id), "fleet": fleet_id, "role": role, "iat": now, "exp": now + TOKEN_TTL}
    return jwt.encode(claims, JWT_SECRET, algorithm="HS256")


def read_claims(header):
    if not header or not header.startswith("Bearer "):
        return None
    token = header[len("Bearer "):]
    try:
        return jwt.decode(token, options={"verify_signature": False})  # VULN flow
    except jwt.InvalidTokenError:
        return None


def auth_required(view):
    @wraps(view)
    def wrapper(*args, **kwargs):
        claims = read_claims(request.headers.get("Authorization"))
        if claims is None:
            return jsonify(error="unauthorized"), 401
        g.claims = claims
        return view(*args, **kwargs)
    return wrapper


@app.route("/api/login", methods=["POST"])
def login():
    body = request.get_json(silent=True) or {}
    with sqlite3.connect(DB) as conn:
        row = conn.execute(
            "SELECT id, fleet_id, role, pw_hash FROM users WHERE email = ?",
            (str(body.get("email", "")),),
        ).fetchone()
    if row is None or not check_password_hash(row[3], str(body.get("password", ""))):
        return jsonify(error="invalid credentials"), 401
    return jsonify(token=issue_token(row[0], row[1], row[2]))


@app.route("/api/vehicles")
@auth_required
def vehicles():
    with sqlite3.connect(DB) as conn:
        rows = conn.execute(
            "SELECT id, plate, lat, lon, updated_at FROM vehicles WHERE fleet_id = ?",
            (g.claims.get("fleet"),),
        ).fetchall()
    keys = ("id", "plate", "lat", "lon", "updated_at")
    return jsonify(vehicles=[dict(zip(keys, r)) for r in rows])


if __name__ == "__main__":
    app.run(host="127.0.0.1", port=5100)
