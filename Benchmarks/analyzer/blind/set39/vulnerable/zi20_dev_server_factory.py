import logging
import os

from flask import Flask, jsonify
from werkzeug.middleware.proxy_fix import ProxyFix

from .extensions import db, migrate
from .inventory import inventory_bp
from .orders import orders_bp


class Config:
    SQLALCHEMY_DATABASE_URI = os.environ.get("DATABASE_URL", "sqlite:///pharmacy.db")
    SQLALCHEMY_TRACK_MODIFICATIONS = False
    SECRET_KEY = os.environ.get("SECRET_KEY")
    JSON_SORT_KEYS = False
    MAX_CONTENT_LENGTH = 4 * 1024 * 1024


def configure_logging(app):
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s %(message)s"))
    app.logger.handlers[:] = [handler]
    app.logger.setLevel(logging.INFO)


def create_app(config_object=Config):
    app = Flask(__name__)
    app.config.from_object(config_object)
    app.config.update(DEBUG=True, TESTING=False)  # VULN
    if not app.config.get("SECRET_KEY"):
        raise RuntimeError("SECRET_KEY must be set")
    configure_logging(app)
    app.wsgi_app = ProxyFix(app.wsgi_app, x_for=1, x_proto=1)

    db.init_app(app)
    migrate.init_app(app, db)
    app.register_blueprint(inventory_bp, url_prefix="/inventory")
    app.register_blueprint(orders_bp, url_prefix="/orders")

    @app.get("/healthz")
    def healthz():
        return jsonify(status="ok")

    @app.errorhandler(404)
    def not_found(_err):
        return jsonify(error="not found"), 404

    @app.errorhandler(500)
    def server_error(_err):
        return jsonify(error="internal server error"), 500

    return app


if __name__ == "__main__":
    application = create_app()
    application.run(host="0.0.0.0", port=int(os.environ.get("PORT", "5000")))  # VULN
