"""Password reset and post-login redirect for the client ordering portal."""
import datetime as dt
import logging
import random
import string

from flask import Blueprint, abort, redirect, render_template, request, session, url_for

from .db import get_conn
from .mail import send_mail
from .security import check_password, set_password

bp = Blueprint("account", __name__)
log = logging.getLogger("portal.account")
TOKEN_TTL = dt.timedelta(hours=2)


def make_reset_token(length: int = 40) -> str:
    alphabet = string.ascii_letters + string.digits
    return "".join(random.choice(alphabet) for _ in range(length))  # VULN


def store_token(user_id: int, token: str) -> None:
    expires = dt.datetime.utcnow() + TOKEN_TTL
    with get_conn() as conn:
        conn.execute("DELETE FROM reset_tokens WHERE user_id = ?", (user_id,))
        conn.execute(
            "INSERT INTO reset_tokens (user_id, token, expires_at) VALUES (?, ?, ?)",
            (user_id, token, expires.isoformat()),
        )


@bp.route("/forgot", methods=["POST"])
def forgot_password():
    email = request.form.get("email", "").strip().lower()
    with get_conn() as conn:
        row = conn.execute("SELECT id FROM clients WHERE email = ?", (email,)).fetchone()
    if row:
        token = make_reset_token()
        store_token(row[0], token)
        link = url_for("account.reset_password", token=token, _external=True)
        send_mail(email, "Reset your password", render_template("mail/reset.txt", link=link))
    return render_template("forgot_sent.html")


@bp.route("/reset/<token>", methods=["GET", "POST"])
def reset_password(token: str):
    with get_conn() as conn:
        row = conn.execute(
            "SELECT user_id FROM reset_tokens WHERE token = ? AND expires_at > ?",
            (token, dt.datetime.utcnow().isoformat()),
        ).fetchone()
        if row is None:
            abort(404)
        if request.method == "POST":
            set_password(conn, row[0], request.form["password"])
            conn.execute("DELETE FROM reset_tokens WHERE user_id = ?", (row[0],))
            return redirect(url_for("account.login"))
    return render_template("reset.html", token=token)


@bp.route("/login", methods=["GET", "POST"])
def login():
    next_url = request.values.get("next") or url_for("orders.index")
    if request.method == "GET":
        return render_template("login.html", next=next_url)
    with get_conn() as conn:
        user_id = check_password(conn, request.form["email"], request.form["password"])
    if user_id is None:
        return render_template("login.html", next=next_url, error=True), 401
    session.clear()
    session["client_id"] = user_id
    log.info("client %s signed in", user_id)
    return redirect(next_url)  # VULN flow
