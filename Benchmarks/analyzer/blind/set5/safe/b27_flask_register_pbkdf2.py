import hashlib
import secrets
import sqlite3

from flask import Flask, jsonify, request

app = Flask(__name__)
ITERATIONS = 600_000


def hash_password(password):
    salt = secrets.token_bytes(16)
    digest = hashlib.pbkdf2_hmac("sha256", password.encode("utf-8"), salt, ITERATIONS)
    return f"pbkdf2_sha256${ITERATIONS}${salt.hex()}${digest.hex()}"


@app.route("/register", methods=["POST"])
def register():
    data = request.get_json()
    username = data["username"].strip().lower()
    if len(data["password"]) < 8:
        return jsonify(error="password too short"), 400
    with sqlite3.connect("users.db") as db:
        try:
            db.execute(
                "INSERT INTO users (username, password_hash) VALUES (?, ?)",
                (username, hash_password(data["password"])),
            )
        except sqlite3.IntegrityError:
            return jsonify(error="username taken"), 409
    return jsonify(username=username), 201
