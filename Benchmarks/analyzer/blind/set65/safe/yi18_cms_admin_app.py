"""Back-office admin for the CMS: sections, desks and role assignments."""
import os
import sqlite3
from functools import wraps

from flask import Flask, abort, flash, g, redirect, render_template, request, session, url_for
from werkzeug.security import check_password_hash

app = Flask(__name__)
app.config.update(
    DATABASE=os.environ.get("CMS_ADMIN_DB", "/var/lib/cms/admin.sqlite3"),
    SESSION_COOKIE_HTTPONLY=True,
    SESSION_COOKIE_SAMESITE="Lax",
)
app.config["SECRET_KEY"] = os.environ["CMS_ADMIN_SECRET_KEY"]

ROLES = ("reporter", "editor", "desk-chief", "admin")


def db() -> sqlite3.Connection:
    if "db" not in g:
        g.db = sqlite3.connect(app.config["DATABASE"])
        g.db.row_factory = sqlite3.Row
    return g.db


@app.teardown_appcontext
def _close(_exc):
    conn = g.pop("db", None)
    if conn is not None:
        conn.close()


def admin_required(view):
    @wraps(view)
    def wrapper(*args, **kwargs):
        if session.get("role") != "admin":
            abort(403)
        return view(*args, **kwargs)
    return wrapper


@app.route("/login", methods=["GET", "POST"])
def login():
    if request.method == "POST":
        row = db().execute(
            "SELECT username, password_hash, role FROM staff WHERE username = ?",
            (request.form.get("username", ""),),
        ).fetchone()
        if row and check_password_hash(row["password_hash"], request.form.get("password", "")):
            session.clear()
            session.update(user=row["username"], role=row["role"])
            return redirect(url_for("sections"))
        flash("Login failed")
    return render_template("admin/login.html")


@app.get("/sections")
@admin_required
def sections():
    rows = db().execute("SELECT id, name, desk FROM sections ORDER BY name").fetchall()
    return render_template("admin/sections.html", sections=rows)


@app.post("/staff/<username>/role")
@admin_required
def set_role(username: str):
    role = request.form.get("role")
    if role not in ROLES:
        abort(400)
    db().execute("UPDATE staff SET role = ? WHERE username = ?", (role, username))
    db().commit()
    return redirect(url_for("sections"))


if __name__ == "__main__":
    app.run(host="127.0.0.1", port=int(os.environ.get("PORT", "8081")), debug=False)
