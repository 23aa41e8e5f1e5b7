"""Community foundation grant application portal - application factory."""
import logging
import os

from flask import Flask, jsonify, render_template, request, session
from flask_sqlalchemy import SQLAlchemy

db = SQLAlchemy()
log = logging.getLogger("grant_portal")


class Config:
    SQLALCHEMY_DATABASE_URI = os.environ["GRANTS_DATABASE_URL"]
    SQLALCHEMY_TRACK_MODIFICATIONS = False
    SECRET_KEY = os.environ["GRANTS_SECRET_KEY"]
    MAX_CONTENT_LENGTH = 20 * 1024 * 1024
    UPLOAD_FOLDER = os.environ.get("GRANT_UPLOADS", "/srv/grant-portal/uploads")
    SESSION_COOKIE_SECURE = True
    SESSION_COOKIE_HTTPONLY = True


class Application(db.Model):
    __tablename__ = "applications"
    id = db.Column(db.Integer, primary_key=True)
    org_name = db.Column(db.String(200), nullable=False)
    ein = db.Column(db.String(12), nullable=False)
    amount_requested = db.Column(db.Numeric(12, 2), nullable=False)
    program_summary = db.Column(db.Text, nullable=False)
    status = db.Column(db.String(20), default="draft")


def create_app(config_object=Config) -> Flask:
    app = Flask(__name__)
    app.config.from_object(config_object)
    db.init_app(app)

    @app.route("/")
    def index():
        return render_template("index.html", cycle="2024 Community Impact Grants")

    @app.route("/api/applications", methods=["POST"])
    def create_application():
        data = request.get_json(force=True) or {}
        try:
            application = Application(
                org_name=data["org_name"].strip(),
                ein=data["ein"].replace("-", ""),
                amount_requested=data["amount_requested"],
                program_summary=data["program_summary"],
            )
        except (KeyError, AttributeError):
            return jsonify(error="org_name, ein, amount_requested and program_summary are required"), 400
        db.session.add(application)
        db.session.commit()
        session["application_id"] = application.id
        log.info("draft application %s created", application.id)
        return jsonify(id=application.id, status=application.status), 201

    @app.route("/api/applications/<int:app_id>")
    def get_application(app_id: int):
        if session.get("application_id") != app_id:
            return jsonify(error="forbidden"), 403
        a = db.session.get(Application, app_id)
        if a is None:
            return jsonify(error="not found"), 404
        return jsonify(id=a.id, org_name=a.org_name, status=a.status, amount=str(a.amount_requested))

    return app


if __name__ == "__main__":
    create_app().run(host="127.0.0.1", port=8000, debug=False)
