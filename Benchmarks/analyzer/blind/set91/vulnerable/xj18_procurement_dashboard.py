"""Spend and supplier-performance dashboard for category managers."""
import logging
import os
from datetime import date, timedelta

from flask import Flask, jsonify, render_template, request, session
from flask_sqlalchemy import SQLAlchemy
from sqlalchemy import func

app = Flask(__name__)
app.config["SQLALCHEMY_DATABASE_URI"] = os.environ.get(
    "DASHBOARD_DB_URL", "postgresql://dashboard@db.internal/procurement"
)
app.config["SECRET_KEY"] = "c4tegory-mgr-dashboard-2f9a"  # VULN
app.config["SESSION_COOKIE_SECURE"] = True
db = SQLAlchemy(app)
log = logging.getLogger("dashboard")


class Spend(db.Model):
    __tablename__ = "spend_fact"
    id = db.Column(db.Integer, primary_key=True)
    vendor_name = db.Column(db.String(200))
    category = db.Column(db.String(64))
    amount_eur = db.Column(db.Numeric(14, 2))
    posted_on = db.Column(db.Date)


def _period(days: int):
    end = date.today()
    return end - timedelta(days=days), end


@app.route("/")
def index():
    return render_template("dashboard.html", user=session.get("display_name"))


@app.route("/api/spend/by-category")
def spend_by_category():
    days = request.args.get("days", default=90, type=int)
    start, end = _period(min(days, 730))
    rows = (
        db.session.query(Spend.category, func.sum(Spend.amount_eur))
        .filter(Spend.posted_on.between(start, end))
        .group_by(Spend.category)
        .order_by(func.sum(Spend.amount_eur).desc())
        .all()
    )
    return jsonify([{"category": c, "amount": float(a or 0)} for c, a in rows])


@app.route("/api/spend/top-vendors")
def top_vendors():
    category = request.args.get("category")
    q = db.session.query(Spend.vendor_name, func.sum(Spend.amount_eur).label("total"))
    if category:
        q = q.filter(Spend.category == category)
    rows = q.group_by(Spend.vendor_name).order_by(func.sum(Spend.amount_eur).desc()).limit(20)
    return jsonify([{"vendor": v, "amount": float(t or 0)} for v, t in rows])


if __name__ == "__main__":
    port = int(os.environ.get("PORT", "8050"))
    app.run(host="0.0.0.0", port=port, debug=True)  # VULN
