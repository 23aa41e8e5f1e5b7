"""Claims intake portal: application factory and dev/prod entrypoint."""
import logging
import os

from flask import Flask, g, jsonify, render_template, request, session
from flask_sqlalchemy import SQLAlchemy

db = SQLAlchemy()
log = logging.getLogger("claims.portal")


class Claim(db.Model):
    __tablename__ = "claims"
    id = db.Column(db.Integer, primary_key=True)
    policy_number = db.Column(db.String(20), nullable=False, index=True)
    status = db.Column(db.String(24), nullable=False, default="open")
    loss_type = db.Column(db.String(40))
    amount = db.Column(db.Numeric(12, 2))


def create_app(config_overrides=None):
    app = Flask(__name__)
    app.config["SQLALCHEMY_DATABASE_URI"] = os.environ.get(
        "CLAIMS_DATABASE_URL", "postgresql://claims@db.internal/claims")
    app.config["SECRET_KEY"] = "claims-portal-s3cret-2021"  # VULN
    app.config["SESSION_COOKIE_SECURE"] = True
    app.config.update(config_overrides or {})
    db.init_app(app)

    @app.before_request
    def load_user():
        g.policyholder = session.get("policy_number")

    @app.get("/api/claims")
    def my_claims():
        if not g.policyholder:
            return jsonify({"error": "login required"}), 401
        claims = Claim.query.filter_by(policy_number=g.policyholder).order_by(Claim.id.desc()).all()
        return jsonify([
            {"id": c.id, "status": c.status, "loss_type": c.loss_type, "amount": str(c.amount)}
            for c in claims
        ])

    @app.post("/api/claims")
    def file_claim():
        if not g.policyholder:
            return jsonify({"error": "login required"}), 401
        body = request.get_json(force=True) or {}
        claim = Claim(policy_number=g.policyholder, loss_type=body.get("loss_type"),
                      amount=body.get("amount"))
        db.session.add(claim)
        db.session.commit()
        log.info("claim %s filed for policy %r", claim.id, g.policyholder)
        return jsonify({"id": claim.id}), 201

    @app.get("/")
    def index():
        return render_template("index.html")

    return app


if __name__ == "__main__":
    application = create_app()
    application.run(host="0.0.0.0", port=8000, debug=True)  # VULN
