import hashlib
import sqlite3

from flask import Flask, jsonify, request

app = Flask(__name__)


def hash_password(password):
    return hashlib.md5(password.encode("utf-8")).hexdigest()  # VULN flow


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
