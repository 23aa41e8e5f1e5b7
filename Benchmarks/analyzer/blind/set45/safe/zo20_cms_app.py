"""Application factory for the school newsletter CMS."""
import logging
import os

from flask import Flask, render_template
from flask_login import LoginManager
from flask_sqlalchemy import SQLAlchemy
from flask_wtf import CSRFProtect

db = SQLAlchemy()
login_manager = LoginManager()
csrf = CSRFProtect()


class Config:
    SQLALCHEMY_DATABASE_URI = os.environ.get("DATABASE_URL", "postgresql://cms@db/newsletter")
    SQLALCHEMY_TRACK_MODIFICATIONS = False
    SECRET_KEY = os.environ["NEWSLETTER_SECRET_KEY"]
    SESSION_COOKIE_SECURE = True
    SESSION_COOKIE_HTTPONLY = True
    SESSION_COOKIE_SAMESITE = "Lax"
    MAX_CONTENT_LENGTH = 32 * 1024 * 1024
    ISSUES_PER_PAGE = 12


def register_blueprints(app: Flask) -> None:
    from newsletter.views.public import public_bp
    from newsletter.views.editor import editor_bp
    from newsletter.views.api import api_bp

    app.register_blueprint(public_bp)
    app.register_blueprint(editor_bp, url_prefix="/editor")
    app.register_blueprint(api_bp, url_prefix="/api")


def register_error_pages(app: Flask) -> None:
    @app.errorhandler(404)
    def not_found(_):
        return render_template("errors/404.html"), 404

    @app.errorhandler(500)
    def server_error(_):
        return render_template("errors/500.html"), 500


def create_app(config_object=Config) -> Flask:
    app = Flask(__name__, instance_relative_config=True)
    app.config.from_object(config_object)
    app.config.from_pyfile("local.cfg", silent=True)

    db.init_app(app)
    csrf.init_app(app)
    login_manager.init_app(app)
    login_manager.login_view = "editor.login"

    register_blueprints(app)
    register_error_pages(app)

    logging.basicConfig(level=app.config.get("LOG_LEVEL", "INFO"))
    app.logger.info("newsletter CMS started with %s", config_object.__name__)
    return app


app = create_app()

if __name__ == "__main__":
    # local development only; production runs behind gunicorn + nginx
    app.run(host="127.0.0.1", port=int(os.environ.get("PORT", 8000)), debug=False)
