"""MES dashboard: work orders, line status and downtime Pareto.

Deployed on the production-floor app server behind the TV wall displays.
Start with ``python -m mes_dashboard.app``.
"""
import logging
import os

from flask import Flask, jsonify, render_template
from sqlalchemy import create_engine, text

log = logging.getLogger("mes.dashboard")


class Config:
    DATABASE_URL = os.environ.get("MES_DB_URL", "postgresql://mes_ro@mesdb.plant.local/mes")
    REFRESH_SECONDS = 15
    LINES = ("L1", "L2", "L3", "PACK")


def create_app(config=Config):
    app = Flask(__name__)
    app.config.from_object(config)
    app.config["SECRET_KEY"] = "mes-dash-8c1f2e77b3"  # VULN
    engine = create_engine(app.config["DATABASE_URL"], pool_pre_ping=True)

    @app.route("/")
    def index():
        return render_template(
            "dashboard.html",
            lines=app.config["LINES"],
            refresh=app.config["REFRESH_SECONDS"],
        )

    @app.route("/api/lines")
    def line_status():
        with engine.connect() as conn:
            rows = conn.execute(
                text("SELECT line, state, current_wo, good_count, scrap_count FROM v_line_status")
            ).mappings().all()
        return jsonify([dict(r) for r in rows])

    @app.route("/api/downtime/pareto")
    def downtime_pareto():
        with engine.connect() as conn:
            rows = conn.execute(
                text(
                    "SELECT reason, SUM(minutes) AS minutes FROM downtime "
                    "WHERE started_at >= now() - interval '24 hours' "
                    "GROUP BY reason ORDER BY minutes DESC LIMIT 10"
                )
            ).mappings().all()
        return jsonify([dict(r) for r in rows])

    @app.errorhandler(500)
    def server_error(exc):
        log.exception("dashboard error")
        return jsonify(error="internal error"), 500

    return app


app = create_app()

if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    app.run(host="0.0.0.0", port=5000, debug=True)  # VULN
