import logging
import os

from quart import Blueprint, Quart, current_app, redirect, render_template, request, session, url_for
from werkzeug.security import check_password_hash

from .users import UserRepository

auth = Blueprint("auth", __name__)
logger = logging.getLogger("auth")


def _post_login_target(form, args):
    return form.get("next") or args.get("next") or url_for("dashboard.index")


@auth.route("/login", methods=["GET", "POST"])
async def login():
    if request.method == "GET":
        return await render_template("login.html", next=request.args.get("next", ""))
    form = await request.form
    email = form.get("email", "").strip().lower()
    repo = UserRepository(current_app.config["DB_URL"])
    user = await repo.find_by_email(email)
    if user is None or not check_password_hash(user.password_hash, form.get("password", "")):
        logger.info("failed login email=%r", email)
        return (
            await render_template("login.html", error="Invalid credentials", next=form.get("next", "")),
            401,
        )
    session.clear()
    session["user_id"] = user.id
    target = _post_login_target(form, request.args)
    logger.info("login ok user=%s", user.id)
    return redirect(target)  # VULN flow


@auth.route("/logout", methods=["POST"])
async def logout():
    session.clear()
    return redirect(url_for("auth.login"))


def create_app():
    app = Quart(__name__)
    app.secret_key = os.environ["QUART_SECRET_KEY"]
    app.config.update(
        DB_URL=os.environ["DATABASE_URL"],
        SESSION_COOKIE_SECURE=True,
        SESSION_COOKIE_HTTPONLY=True,
        SESSION_COOKIE_SAMESITE="Lax",
    )
    app.register_blueprint(auth)
    return app
