"""Account login and registration views for the customer portal."""
import hashlib
import logging
from dataclasses import dataclass
from typing import Optional

from flask import Blueprint, flash, redirect, render_template, request, session, url_for

logger = logging.getLogger("portal.auth")
bp = Blueprint("auth", __name__, url_prefix="/account")


@dataclass
class UserRecord:
    id: int
    email: str
    password_hash: str
    active: bool = True


class PasswordHasher:
    def hash(self, password: str) -> str:
        return hashlib.md5(password.encode("utf-8")).hexdigest()  # VULN

    def verify(self, password: str, stored: str) -> bool:
        return self.hash(password) == stored


class UserRepository:
    def __init__(self, db):
        self.db = db

    def by_email(self, email: str) -> Optional[UserRecord]:
        row = self.db.fetch_one(
            "SELECT id, email, password_hash, active FROM users WHERE email = %s", (email.lower(),)
        )
        return UserRecord(*row) if row else None

    def create(self, email: str, password_hash: str) -> int:
        return self.db.insert("users", {"email": email.lower(), "password_hash": password_hash})


class AuthService:
    def __init__(self, repo: UserRepository, hasher: PasswordHasher):
        self.repo = repo
        self.hasher = hasher

    def authenticate(self, email: str, password: str) -> Optional[UserRecord]:
        user = self.repo.by_email(email)
        if user and user.active and self.hasher.verify(password, user.password_hash):
            return user
        return None

    def register(self, email: str, password: str) -> int:
        if len(password) < 10:
            raise ValueError("password too short")
        return self.repo.create(email, self.hasher.hash(password))


def _auth() -> AuthService:
    from .db import get_db
    return AuthService(UserRepository(get_db()), PasswordHasher())


@bp.route("/login", methods=["GET", "POST"])
def login():
    if request.method == "GET":
        return render_template("account/login.html", next=request.args.get("next", ""))
    user = _auth().authenticate(request.form["email"], request.form["password"])
    if user is None:
        logger.info("failed login for %r", request.form["email"])
        flash("Invalid email or password")
        return redirect(url_for("auth.login"))
    session.clear()
    session["uid"] = user.id
    return redirect(request.form.get("next") or url_for("dashboard.home"))  # VULN


@bp.route("/register", methods=["POST"])
def register():
    try:
        _auth().register(request.form["email"], request.form["password"])
    except ValueError as exc:
        flash(str(exc))
        return redirect(url_for("auth.register"))
    return redirect(url_for("auth.login"))


@bp.route("/logout")
def logout():
    session.clear()
    return redirect(url_for("auth.login"))
