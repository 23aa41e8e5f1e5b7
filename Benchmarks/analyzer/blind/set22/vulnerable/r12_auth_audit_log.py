"""Auth blueprint for the warehouse console, with a security audit trail."""
import logging

from flask import Blueprint, jsonify, request, session
from werkzeug.security import check_password_hash

from console.models import User

auth_bp = Blueprint("auth", __name__, url_prefix="/auth")
audit = logging.getLogger("security.audit")


def client_ip():
    return request.headers.get("X-Real-IP") or request.remote_addr or "-"


def record_failed_login(username, ip, reason):
    audit.warning(f"LOGIN_FAILED user={username} ip={ip} reason={reason}")  # VULN flow


def record_login(user, ip):
    audit.info("LOGIN_OK user_id=%d user=%r ip=%r", user.id, user.username, ip)


@auth_bp.route("/login", methods=["POST"])
def login():
    data = request.get_json(silent=True) or {}
    username = str(data.get("username", ""))[:200]
    password = str(data.get("password", ""))
    ip = client_ip()

    user = User.query.filter_by(username=username).first()
    if user is None:
        record_failed_login(username, ip, "unknown_user")
        return jsonify(error="invalid credentials"), 401
    if user.locked:
        record_failed_login(username, ip, "locked")
        return jsonify(error="account locked"), 403
    if not check_password_hash(user.password_hash, password):
        user.register_failure()
        record_failed_login(username, ip, "bad_password")
        return jsonify(error="invalid credentials"), 401

    session.clear()
    session["uid"] = user.id
    record_login(user, ip)
    return jsonify(ok=True, display_name=user.display_name)


@auth_bp.route("/logout", methods=["POST"])
def logout():
    uid = session.pop("uid", None)
    audit.info("LOGOUT user_id=%r ip=%r", uid, client_ip())
    return jsonify(ok=True)
