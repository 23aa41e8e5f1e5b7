"""Internal tenant administration console (Flask)."""
import logging
import os

from flask import Flask, abort, flash, redirect, render_template, request, url_for
from flask_sqlalchemy import SQLAlchemy

app = Flask(__name__)
app.config["SQLALCHEMY_DATABASE_URI"] = os.environ.get("ADMIN_DB_URL", "postgresql:///tenants")
app.config["SQLALCHEMY_TRACK_MODIFICATIONS"] = False
app.config["SECRET_KEY"] = os.environ["TENANT_CONSOLE_SECRET_KEY"]
db = SQLAlchemy(app)
log = logging.getLogger("tenant-console")

PLANS = ("free", "team", "business", "enterprise")


class Tenant(db.Model):
    __tablename__ = "tenants"
    id = db.Column(db.Integer, primary_key=True)
    slug = db.Column(db.String(64), unique=True, nullable=False)
    name = db.Column(db.String(200), nullable=False)
    plan = db.Column(db.String(32), nullable=False, default="free")
    suspended = db.Column(db.Boolean, nullable=False, default=False)
    seats = db.Column(db.Integer, nullable=False, default=5)


@app.route("/")
def index():
    page = max(int(request.args.get("page", 1)), 1)
    tenants = Tenant.query.order_by(Tenant.slug).paginate(page=page, per_page=50)
    return render_template("tenants/index.html", tenants=tenants)


@app.route("/tenants/<int:tenant_id>/plan", methods=["POST"])
def change_plan(tenant_id):
    tenant = Tenant.query.get_or_404(tenant_id)
    plan = request.form.get("plan")
    if plan not in PLANS:
        abort(400)
    tenant.plan = plan
    tenant.seats = int(request.form.get("seats", tenant.seats))
    db.session.commit()
    flash(f"{tenant.slug} moved to {plan}")
    return redirect(url_for("index"))


@app.route("/tenants/<int:tenant_id>/suspend", methods=["POST"])
def suspend(tenant_id):
    tenant = Tenant.query.get_or_404(tenant_id)
    tenant.suspended = request.form.get("suspended") == "1"
    db.session.commit()
    log.info("tenant %s suspended=%s", tenant.slug, tenant.suspended)
    return redirect(url_for("index"))


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    app.run(host=os.environ.get("CONSOLE_BIND", "127.0.0.1"), port=int(os.environ.get("PORT", "8080")), debug=False)
