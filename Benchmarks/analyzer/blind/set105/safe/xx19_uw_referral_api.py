"""Underwriting referral queue API used by the UW workbench."""
import logging
import os
from datetime import datetime, timezone

from flask import Flask, abort, jsonify, request
from flask_sqlalchemy import SQLAlchemy

app = Flask(__name__)
app.config["SQLALCHEMY_DATABASE_URI"] = os.environ.get("UW_DATABASE_URL", "postgresql:///underwriting")
app.config["SECRET_KEY"] = os.environ["UW_SECRET_KEY"]
db = SQLAlchemy(app)
log = logging.getLogger("uw.referrals")

VALID_DECISIONS = {"approve", "decline", "more_info"}
VALID_STATUSES = {"pending", "approve", "decline", "more_info"}


class Referral(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    submission_ref = db.Column(db.String(32), unique=True, nullable=False)
    reason = db.Column(db.String(255))
    status = db.Column(db.String(16), default="pending")
    assigned_to = db.Column(db.String(64))
    decided_at = db.Column(db.DateTime(timezone=True))

    def as_dict(self) -> dict:
        return {
            "id": self.id,
            "submission_ref": self.submission_ref,
            "reason": self.reason,
            "status": self.status,
            "assigned_to": self.assigned_to,
            "decided_at": self.decided_at.isoformat() if self.decided_at else None,
        }


@app.route("/referrals")
def list_referrals():
    status = request.args.get("status", "pending")
    if status not in VALID_STATUSES:
        abort(400)
    q = Referral.query.filter_by(status=status).order_by(Referral.id).limit(200)
    return jsonify([r.as_dict() for r in q])


@app.route("/referrals/<int:ref_id>/decision", methods=["POST"])
def decide(ref_id):
    data = request.get_json(silent=True) or {}
    decision = data.get("decision")
    if decision not in VALID_DECISIONS:
        abort(400)
    referral = Referral.query.get_or_404(ref_id)
    referral.status = decision
    referral.assigned_to = data.get("underwriter")
    referral.decided_at = datetime.now(timezone.utc)
    db.session.commit()
    log.info("referral %s -> %s", ref_id, decision)
    return jsonify(referral.as_dict())


if __name__ == "__main__":
    with app.app_context():
        db.create_all()
    app.run(host="127.0.0.1", port=int(os.environ.get("PORT", "5050")), debug=False)
