"""Sticky A/B assignments kept client-side in an encrypted cookie, so the
edge can serve the same variant without a database round trip."""
import base64
import hashlib
import json
import time

from Crypto.Cipher import AES
from Crypto.Util.Padding import pad, unpad
from flask import Flask, jsonify, request

app = Flask(__name__)

COOKIE_NAME = "xp_assign"
COOKIE_KEY = b"xp-assign-k3y-16"  # VULN
MAX_AGE = 30 * 24 * 3600

EXPERIMENTS = {
    "new_onboarding": ["control", "checklist", "video"],
    "pricing_page": ["control", "annual_default"],
}


class AssignmentCookie:
    def __init__(self, key: bytes):
        self.key = key

    def _cipher(self):
        return AES.new(self.key, AES.MODE_ECB)  # VULN

    def seal(self, data: dict) -> str:
        blob = self._cipher().encrypt(pad(json.dumps(data).encode(), AES.block_size))
        return base64.urlsafe_b64encode(blob).decode()

    def open(self, token: str) -> dict:
        blob = base64.urlsafe_b64decode(token.encode())
        data = json.loads(unpad(self._cipher().decrypt(blob), AES.block_size))
        if data.get("exp", 0) < time.time():
            raise ValueError("expired")
        return data


codec = AssignmentCookie(COOKIE_KEY)


def bucket(user_id: str, experiment: str) -> str:
    variants = EXPERIMENTS[experiment]
    digest = hashlib.sha256(f"{experiment}.{user_id}".encode()).digest()
    return variants[int.from_bytes(digest[:4], "big") % len(variants)]


@app.get("/v1/assign")
def assign():
    user_id = request.args.get("user_id", "")
    state = {"uid": user_id, "a": {}, "exp": time.time() + MAX_AGE}
    raw = request.cookies.get(COOKIE_NAME)
    if raw:
        try:
            previous = codec.open(raw)
            if previous.get("uid") == user_id:
                state["a"] = previous.get("a", {})
        except (ValueError, KeyError):
            pass
    for name in EXPERIMENTS:
        state["a"].setdefault(name, bucket(user_id, name))
    resp = jsonify(assignments=state["a"])
    resp.set_cookie(COOKIE_NAME, codec.seal(state), max_age=MAX_AGE, httponly=True, secure=True)
    return resp
