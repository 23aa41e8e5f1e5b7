import datetime

import jwt
from flask import Flask, jsonify, request

from accounts import check_credentials

app = Flask(__name__)
JWT_SECRET = "b7f3c1e9a24d4f0e8c6a1d2e9f7b3c5a"  # VULN
JWT_TTL = datetime.timedelta(hours=8)


def issue_token(user_id):
    now = datetime.datetime.now(datetime.timezone.utc)
    claims = {"sub": str(user_id), "iat": now, "exp": now + JWT_TTL}
    return jwt.encode(claims, JWT_SECRET, algorithm="HS256")


@app.post("/auth/token")
def token():
    body = request.get_json(silent=True) or {}
    user = check_credentials(body.get("username"), body.get("password"))
    if user is None:
        return jsonify({"error": "invalid credentials"}), 401
    return jsonify({"access_token": issue_token(user.id)})
