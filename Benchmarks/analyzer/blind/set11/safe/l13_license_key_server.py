"""License server: issues product keys and validates activations."""
import hashlib
import hmac
import os
import secrets
import sqlite3
import string

from flask import Flask, abort, jsonify, request

app = Flask(__name__)
DB = os.environ.get("LICENSE_DB", "licenses.db")
ADMIN_TOKEN = os.environ["LICENSE_ADMIN_TOKEN"]
SIGNING_KEY = bytes.fromhex(os.environ["LICENSE_SIGNING_KEY_HEX"])
ALPHABET = string.ascii_uppercase + string.digits


def sign(body):
    return hmac.new(SIGNING_KEY, body.encode(), hashlib.sha256).hexdigest()[:8].upper()


def new_key():
    body = "".join(secrets.choice(ALPHABET) for _ in range(20))
    return "-".join(body[i:i + 5] for i in range(0, 20, 5)) + "-" + sign(body)


def key_is_genuine(key):
    parts = key.strip().upper().split("-")
    if len(parts) != 5:
        return False
    body = "".join(parts[:4])
    return hmac.compare_digest(sign(body), parts[4])


@app.route("/admin/keys", methods=["POST"])
def issue():
    if not hmac.compare_digest(request.headers.get("X-Admin-Token", ""), ADMIN_TOKEN):
        abort(403)
    product = request.json.get("product", "")
    count = min(int(request.json.get("count", 1)), 500)
    keys = [new_key() for _ in range(count)]
    with sqlite3.connect(DB) as conn:
        conn.executemany("INSERT INTO licenses (key, product) VALUES (?, ?)", [(k, product) for k in keys])
    return jsonify({"keys": keys})


@app.route("/activate", methods=["POST"])
def activate():
    key = request.json.get("key", "")
    machine = request.json.get("machine_id", "")[:64]
    if not key_is_genuine(key):
        return jsonify({"ok": False}), 400
    with sqlite3.connect(DB) as conn:
        cur = conn.execute(
            "UPDATE licenses SET machine_id = ? WHERE key = ? AND machine_id IS NULL", (machine, key.strip().upper())
        )
    return jsonify({"ok": cur.rowcount == 1})
