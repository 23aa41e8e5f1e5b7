"""Session login and logout views for the customer portal."""
import os
from urllib.parse import urlsplit

from flask import Flask, redirect, render_template, request, session, url_for
from flask.views import MethodView
from werkzeug.security import check_password_hash

from .dashboard import dashboard_bp
from .users import find_user


def is_local_path(target):
    if not target or not target.startswith("/") or target.startswith("//"):
        return False
    if "\\" in target or any(ord(ch) < 32 for ch in target):
        return False
    parts = urlsplit(target)
    return not parts.scheme and not parts.netloc


class LoginView(MethodView):
    template = "auth/login.html"

    def get(self):
        return render_template(self.template, next=request.args.get("next", ""))

    def post(self):
        username = request.form.get("username", "").strip()
        password = request.form.get("password", "")
        user = find_user(username)
        if user is None or not check_password_hash(user.password_hash, password):
            return render_template(
                self.template,
                error="Invalid username or password",
                next=request.form.get("next", ""),
            ), 401
        session.clear()
        session["user_id"] = user.id
        session.permanent = True
        return redirect(self._next_target())

    def _next_target(self):
        candidate = request.form.get("next") or request.args.get("next")
        return candidate if is_local_path(candidate) else url_for("dashboard.home")


class LogoutView(MethodView):
    def post(self):
        session.clear()
        return redirect(url_for("login"))


def create_app():
    app = Flask(__name__)
    app.secret_key = os.environ["PORTAL_SECRET_KEY"]
    app.config.update(
        SESSION_COOKIE_SECURE=True,
        SESSION_COOKIE_HTTPONLY=True,
        SESSION_COOKIE_SAMESITE="Lax",
    )
    app.add_url_rule("/login", view_func=LoginView.as_view("login"))
    app.add_url_rule("/logout", view_func=LogoutView.as_view("logout"))
    app.register_blueprint(dashboard_bp)
    return app
