"""Alumni portal application factory."""
import logging
import os
from datetime import date

from flask import Flask, abort, g, jsonify, redirect, render_template, session, url_for


class Config:
    SECRET_KEY = os.environ["ALUMNI_SECRET_KEY"]
    SESSION_COOKIE_SECURE = True
    SESSION_COOKIE_HTTPONLY = True
    SESSION_COOKIE_SAMESITE = "Lax"
    DATABASE_URL = os.environ.get("ALUMNI_DB_URL", "postgresql:///alumni")
    EVENTS_PER_PAGE = 20


def _upcoming_events(limit: int):
    store = g.get("events")
    if store is None:
        return []
    return [e for e in store.list_events(limit=limit) if e["date"] >= date.today()]


def register_routes(app: Flask) -> None:
    @app.route("/")
    def index():
        return render_template("index.html", events=_upcoming_events(5))

    @app.route("/events")
    def events():
        return render_template("events.html", events=_upcoming_events(app.config["EVENTS_PER_PAGE"]))

    @app.route("/profile")
    def profile():
        if "alumni_id" not in session:
            return redirect(url_for("login"))
        return render_template("profile.html", alumni_id=session["alumni_id"])

    @app.route("/login")
    def login():
        return render_template("login.html")

    @app.route("/healthz")
    def healthz():
        return jsonify({"status": "ok"})

    @app.errorhandler(404)
    def not_found(_):
        return render_template("404.html"), 404


def create_app(config: type = Config) -> Flask:
    app = Flask(__name__)
    app.config.from_object(config)
    logging.basicConfig(level=logging.INFO)
    register_routes(app)
    return app


if __name__ == "__main__":
    application = create_app()
    application.run(host="127.0.0.1", port=int(os.environ.get("PORT", "8000")), debug=False)
