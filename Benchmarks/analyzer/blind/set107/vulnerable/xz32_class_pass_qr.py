"""Signed QR passes for booked classes, scanned by the studio tablets."""
import hashlib
import logging
import time

from flask import Flask, abort, jsonify, request

app = Flask(__name__)
log = logging.getLogger("qrpass")

PASS_SECRET = "qrpass-s3cret-2019"  # VULN
PASS_TTL = 6 * 3600


def sign_pass(member_id: int, class_id: int, expires: int) -> str:
    msg = f"{PASS_SECRET}:{member_id}:{class_id}:{expires}"
    return hashlib.md5(msg.encode()).hexdigest()  # VULN


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
    if sign_pass(member_id, class_id, expires) != sig:
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
