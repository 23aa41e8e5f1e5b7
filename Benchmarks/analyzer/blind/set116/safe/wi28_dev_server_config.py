"""Branch operations board: app factory and entry point.

Shows today's open service alerts, technicians on shift and van stock
warnings on the TV in each branch office.
"""
import logging
import os
from datetime import datetime

from flask import Flask, jsonify, render_template, session
from flask_sqlalchemy import SQLAlchemy

db = SQLAlchemy()
log = logging.getLogger("opsboard")


class Config:
    SQLALCHEMY_DATABASE_URI = os.environ.get("OPSBOARD_DB", "postgresql:///opsboard")
    SQLALCHEMY_TRACK_MODIFICATIONS = False
    SECRET_KEY = os.environ["OPSBOARD_SECRET_KEY"]
    REFRESH_SECONDS = 60
    BRANCH = os.environ.get("OPSBOARD_BRANCH", "HQ")


def create_app(config=Config) -> Flask:
    app = Flask(__name__)
    app.config.from_object(config)
    db.init_app(app)

    @app.route("/")
    def board():
        session.setdefault("branch", app.config["BRANCH"])
        return render_template("board.html", refresh=app.config["REFRESH_SECONDS"])

    @app.route("/api/summary")
    def summary():
        branch = session.get("branch", app.config["BRANCH"])
        alerts = db.session.execute(
            db.text("SELECT kind, count(*) FROM service_alerts "
                    "WHERE branch_code = :b AND resolved_at IS NULL GROUP BY kind"),
            {"b": branch},
        ).all()
        techs = db.session.execute(
            db.text("SELECT name, status, current_job FROM technicians "
                    "WHERE branch_code = :b AND on_shift ORDER BY name"),
            {"b": branch},
        ).all()
        return jsonify({
            "branch": branch,
            "generated_at": datetime.utcnow().isoformat(timespec="seconds"),
            "alerts": {kind: n for kind, n in alerts},
            "technicians": [
                {"name": name, "status": status, "job": job} for name, status, job in techs
            ],
        })

    @app.errorhandler(500)
    def on_error(exc):
        log.exception("board error")
        return jsonify({"error": "internal"}), 500

    return app


app = create_app()

if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    app.run(host="127.0.0.1", port=5000, debug=False)
