"""CPMS admin backend: app factory, config and a couple of ops endpoints."""
import logging
import os

from flask import Blueprint, Flask, jsonify
from flask_sqlalchemy import SQLAlchemy

db = SQLAlchemy()
ops = Blueprint("ops", __name__, url_prefix="/ops")
log = logging.getLogger("cpms.admin")


class Config:
    SQLALCHEMY_DATABASE_URI = "postgresql://cpms_admin:Vh9!kW2xCharge@db-cpms.internal:5432/cpms"  # VULN
    SQLALCHEMY_TRACK_MODIFICATIONS = False
    SECRET_KEY = "c3f1e0b7a9d24e6f8b1a5c7d9e2f4a6b"  # VULN
    OCPP_CENTRAL_SYSTEM_URL = "wss://cs.example-charge.net/ocpp/1.6"
    HEARTBEAT_INTERVAL = 300
    METER_VALUE_SAMPLE_INTERVAL = 60
    SESSION_COOKIE_SECURE = True
    SESSION_COOKIE_SAMESITE = "Lax"


class StagingConfig(Config):
    OCPP_CENTRAL_SYSTEM_URL = "wss://cs.staging.example-charge.net/ocpp/1.6"


CONFIGS = {"production": Config, "staging": StagingConfig}


class ChargePoint(db.Model):
    __tablename__ = "charge_points"
    id = db.Column(db.Integer, primary_key=True)
    identity = db.Column(db.String(64), unique=True, nullable=False)
    vendor = db.Column(db.String(64))
    firmware = db.Column(db.String(64))
    last_heartbeat = db.Column(db.DateTime)
    status = db.Column(db.String(32), default="Unavailable")


@ops.get("/health")
def health():
    try:
        db.session.execute(db.text("SELECT 1"))
        ok = True
    except Exception:
        log.exception("database health check failed")
        ok = False
    return jsonify(status="ok" if ok else "degraded"), (200 if ok else 503)


@ops.get("/charge-points/offline")
def offline_charge_points():
    rows = ChargePoint.query.filter(ChargePoint.status.in_(["Unavailable", "Faulted"])).all()
    return jsonify([
        {"identity": cp.identity, "vendor": cp.vendor, "status": cp.status,
         "last_heartbeat": cp.last_heartbeat.isoformat() if cp.last_heartbeat else None}
        for cp in rows
    ])


def create_app(env: str = None) -> Flask:
    env = env or os.environ.get("CPMS_ENV", "production")
    app = Flask(__name__)
    app.config.from_object(CONFIGS.get(env, Config))
    db.init_app(app)
    app.register_blueprint(ops)
    log.info("CPMS admin started in %s mode", env)
    return app


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    application = create_app()
    application.run(host="0.0.0.0", port=8080, debug=True)  # VULN
