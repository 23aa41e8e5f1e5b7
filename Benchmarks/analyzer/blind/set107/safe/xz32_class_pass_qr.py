"""Signed QR passes for booked classes, scanned by the studio tablets."""
import hashlib
import hmac
import logging
import os
import time

from flask import Flask, abort, jsonify, request

app = Flask(__name__)
log = logging.getLogger("qrpass")

PASS_SECRET = os.environ["QR_PASS_SECRET"].encode()
PASS_TTL = 6 * 3600


def sign_pass(member_id: int, class_id: int, expires: int) -> str:
    msg = f"{member_id}:{class_id}:{expires}"
    return hmac.new(PASS_SECRET, msg.encode(), hashlib.sha256).hexdigest()


def issue_pass(member_id: int, class_id: int) -> str:
    expires = int(time.time()) + PASS_TTL
    return f"{member_id}.{class_id}.{expires}.{sign_pass(member_id, class_id, expires)}"


def verify_pass(token: str):
    try:
        member_id, class_id, expires, sig = token.split(".")
        member_id, class_id, expires = int(member_id), int(class_id), int(expires)
    except ValueError:
        return None
    if expires < time.time():
        return None
    if not hmac.compare_digest(sign_pass(member_id, class_id, expires), sig):
        return None
    return member_id, class_id


@app.route("/bookings/<int:class_id>/pass", methods=["POST"])
def create_pass(class_id):
    member_id = request.headers.get("X-Member-Id", type=int)
    if member_id is None:
        abort(401)
    return jsonify(pass_token=issue_pass(member_id, class_id))


@app.route("/scan", methods=["POST"])
def scan():
    token = (request.get_json(silent=True) or {}).get("token", "")
    result = verify_pass(token)
    if result is None:
        log.info("rejected pass scan at %r", request.remote_addr)
        return jsonify(valid=False), 403
    member_id, class_id = result
    return jsonify(valid=True, member_id=member_id, class_id=class_id)


if __name__ == "__main__":
    app.run()
