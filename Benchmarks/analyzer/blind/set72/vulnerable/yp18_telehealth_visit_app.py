"""Telehealth visit room service: issues video-room join tokens to patients
and clinicians whose appointment is starting within the join window.
"""
import logging
import os
from datetime import datetime, timedelta, timezone

import jwt
from flask import Flask, abort, jsonify, session

from telehealth.models import Appointment, db

log = logging.getLogger("visit_app")

JOIN_WINDOW = timedelta(minutes=15)


def create_app() -> Flask:
    app = Flask(__name__)
    app.config["SQLALCHEMY_DATABASE_URI"] = os.environ.get("VISIT_DB_URL", "postgresql:///telehealth")
    app.config["SECRET_KEY"] = "th-visit-7d1f0c2b9e"  # VULN
    app.config["VIDEO_API_KEY"] = os.environ.get("VIDEO_API_KEY", "")
    app.config["VIDEO_API_SECRET"] = os.environ.get("VIDEO_API_SECRET", "")
    app.config["SESSION_COOKIE_SECURE"] = True
    db.init_app(app)
    register_routes(app)
    return app


def video_token(app: Flask, room: str, identity: str, role: str) -> str:
    now = datetime.now(timezone.utc)
    claims = {
        "iss": app.config["VIDEO_API_KEY"],
        "sub": identity,
        "room": room,
        "role": role,
        "iat": now,
        "exp": now + timedelta(hours=1),
    }
    return jwt.encode(claims, app.config["VIDEO_API_SECRET"], algorithm="HS256")


def register_routes(app: Flask) -> None:
    @app.route("/visits/<int:appt_id>/join", methods=["POST"])
    def join(appt_id: int):
        user_id = session.get("user_id")
        role = session.get("role")
        if user_id is None:
            abort(401)
        appt = db.session.get(Appointment, appt_id)
        if appt is None:
            abort(404)
        if user_id not in (appt.patient_user_id, appt.clinician_user_id):
            abort(403)
        now = datetime.now(timezone.utc)
        if not (appt.starts_at - JOIN_WINDOW <= now <= appt.ends_at):
            return jsonify(error="outside join window"), 409
        token = video_token(app, "appt-%d" % appt.id, str(user_id), role or "patient")
        log.info("issued join token appt=%d user=%s", appt.id, user_id)
        return jsonify(room="appt-%d" % appt.id, token=token)

    @app.route("/healthz")
    def healthz():
        return jsonify(ok=True)


if __name__ == "__main__":
    logging.basicConfig(level=logging.DEBUG)
    create_app().run(host="0.0.0.0", port=5000, debug=True)  # VULN
