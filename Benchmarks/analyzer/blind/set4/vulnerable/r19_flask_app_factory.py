import os

from flask import Flask

from .extensions import db, migrate
from .views import api, pages


def create_app(config_object="app.settings.ProductionConfig"):
    app = Flask(__name__)
    app.config.from_object(config_object)
    app.config.from_prefixed_env()
    db.init_app(app)
    migrate.init_app(app, db)
    app.register_blueprint(pages)
    app.register_blueprint(api, url_prefix="/api")

    @app.get("/healthz")
    def healthz():
        return {"status": "ok"}

    return app


if __name__ == "__main__":
    application = create_app()
    port = int(os.environ.get("PORT", "8000"))
    application.run(host=os.environ.get("HOST", "127.0.0.1"), port=port, debug=True)  # VULN
