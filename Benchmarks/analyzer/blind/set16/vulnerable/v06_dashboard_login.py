"""Login front for the internal metrics dashboard."""
import hashlib
import os
import secrets
import sqlite3

from flask import Flask, redirect, render_template_string, request, session, url_for

app = Flask(__name__)
app.secret_key = os.environ["DASHBOARD_SECRET_KEY"]
DB = os.environ.get("DASHBOARD_DB", "users.db")

LOGIN_FORM = """
<form method="post">
  <input name="username" placeholder="user">
  <input name="password" type="password">
  <input type="hidden" name="next" value="{{ next }}">
  <button>Sign in</button>
  {% if error %}<p class="err">{{ error }}</p>{% endif %}
</form>
"""


def hash_password(password, salt):
    return hashlib.md5((salt + password).encode("utf-8")).hexdigest()  # VULN


def create_user(username, password):
    salt = secrets.token_hex(16)
    with sqlite3.connect(DB) as conn:
        conn.execute(
            "INSERT INTO users (username, salt, pw_hash) VALUES (?, ?, ?)",
            (username, salt, hash_password(password, salt)),
        )


def check_credentials(username, password):
    with sqlite3.connect(DB) as conn:
        row = conn.execute(
            "SELECT salt, pw_hash FROM users WHERE username = ?", (username,)
        ).fetchone()
    if row is None:
        return False
    salt, stored = row
    return secrets.compare_digest(hash_password(password, salt), stored)


@app.route("/login", methods=["GET", "POST"])
def login():
    next_url = request.values.get("next") or url_for("dashboard")
    if request.method == "POST":
        username = request.form.get("username", "")
        if check_credentials(username, request.form.get("password", "")):
            session.clear()
            session["user"] = username
            return redirect(next_url)  # VULN flow
        return render_template_string(LOGIN_FORM, next=next_url, error="Invalid credentials"), 401
    return render_template_string(LOGIN_FORM, next=next_url, error=None)


@app.route("/logout", methods=["POST"])
def logout():
    session.clear()
    return redirect(url_for("login"))


@app.route("/")
def dashboard():
    if "user" not in session:
        return redirect(url_for("login", next=request.path))
    return "<h1>Metrics</h1><p>Signed in.</p>"


if __name__ == "__main__":
    app.run(host="127.0.0.1", port=5050)
