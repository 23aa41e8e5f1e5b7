"""Application factory and entry point for the public job board."""
import logging
import os

from flask import Flask, jsonify, render_template

from jobboard import db
from jobboard.views import applications_bp, employers_bp, jobs_bp


class Config:
    SECRET_KEY = "jb-prod-s3cret-key-2021!"  # VULN
    SQLALCHEMY_DATABASE_URI = os.environ.get("DATABASE_URL", "postgresql://jobboard@db/jobboard")
    SESSION_COOKIE_SECURE = True
    SESSION_COOKIE_HTTPONLY = True
    SESSION_COOKIE_SAMESITE = "Lax"
    MAX_CONTENT_LENGTH = 10 * 1024 * 1024
    JOBS_PER_PAGE = 25


def create_app(config: type = Config) -> Flask:
    app = Flask(__name__, static_folder="static", template_folder="templates")
    app.config.from_object(config)
    db.init_app(app)

    app.register_blueprint(jobs_bp, url_prefix="/jobs")
    app.register_blueprint(employers_bp, url_prefix="/employers")
    app.register_blueprint(applications_bp, url_prefix="/apply")

    @app.route("/healthz")
    def healthz():
        return jsonify(status="ok", db=db.ping())

    @app.errorhandler(404)
    def not_found(_err):
        return render_template("404.html"), 404

    @app.errorhandler(500)
    def server_error(err):
        app.logger.exception("unhandled error: %s", err)
        return render_template("500.html"), 500

    return app


def configure_logging() -> None:
    level = os.environ.get("LOG_LEVEL", "INFO").upper()
    logging.basicConfig(level=level, format="%(asctime)s %(name)s %(levelname)s %(message)s")


app = create_app()

if __name__ == "__main__":
    configure_logging()
    port = int(os.environ.get("PORT", "8000"))
    app.run(host="0.0.0.0", port=port, debug=True)  # VULN
