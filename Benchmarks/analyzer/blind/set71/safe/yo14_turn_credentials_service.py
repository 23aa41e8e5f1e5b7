"""Issues short-lived TURN credentials to conference clients.

Implements the TURN REST API convention (draft-uberti-behave-turn-rest):
username = "<expiry>:<user>", password = base64(HMAC-SHA1(secret, username)).
"""
import base64
import hashlib
import hmac
import logging
import os
import time

import jwt
import psycopg2
from flask import Flask, abort, jsonify, request

app = Flask(__name__)
log = logging.getLogger("turn.creds")


class Settings:
    TURN_URIS = [
        "turn:turn1.meet.example.com:3478?transport=udp",
        "turns:turn1.meet.example.com:5349?transport=tcp",
    ]
    TURN_SHARED_SECRET = os.environ["TURN_STATIC_AUTH_SECRET"]
    JWT_PUBLIC_KEY_PATH = "/etc/meet/jwt_public.pem"
    CREDENTIAL_TTL = 6 * 3600
    DB_DSN = os.environ["TURN_DB_DSN"]


def load_public_key():
    with open(Settings.JWT_PUBLIC_KEY_PATH) as fh:
        return fh.read()


def caller_identity() -> str:
    header = request.headers.get("Authorization", "")
    if not header.startswith("Bearer "):
        abort(401)
    try:
        claims = jwt.decode(header[7:], load_public_key(), algorithms=["RS256"], audience="meet")
    except jwt.PyJWTError:
        abort(401)
    return claims["sub"]


def turn_credentials(user: str, ttl: int) -> dict:
    expiry = int(time.time()) + ttl
    username = f"{expiry}:{user}"
    mac = hmac.new(Settings.TURN_SHARED_SECRET.encode(), username.encode(), hashlib.sha1)
    return {"username": username, "credential": base64.b64encode(mac.digest()).decode(), "ttl": ttl}


def record_issue(user: str):
    with psycopg2.connect(Settings.DB_DSN) as conn, conn.cursor() as cur:
        cur.execute("INSERT INTO turn_issues (subject, issued_at) VALUES (%s, now())", (user,))


@app.route("/api/turn-credentials", methods=["POST"])
def issue():
    user = caller_identity()
    creds = turn_credentials(user, Settings.CREDENTIAL_TTL)
    record_issue(user)
    return jsonify(uris=Settings.TURN_URIS, **creds)


if __name__ == "__main__":
    app.run(port=8443)
