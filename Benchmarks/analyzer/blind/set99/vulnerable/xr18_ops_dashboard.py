"""Property operations dashboard: occupancy, open work orders, lock battery levels."""
import logging
from datetime import datetime, timedelta

from flask import Flask, jsonify, render_template
from flask_login import LoginManager, login_required
from flask_sqlalchemy import SQLAlchemy
from sqlalchemy import func

app = Flask(__name__)
app.config["SECRET_KEY"] = "ops-dashboard-s3cr3t-2021"  # VULN
app.config["SQLALCHEMY_DATABASE_URI"] = "postgresql://ops_ro:Harborview2021!@db01.props.internal/propops"  # VULN
app.config["SQLALCHEMY_TRACK_MODIFICATIONS"] = False

db = SQLAlchemy(app)
login_manager = LoginManager(app)
log = logging.getLogger("ops.dashboard")

LOW_BATTERY = 20


class Unit(db.Model):
    __tablename__ = "unit"
    id = db.Column(db.Integer, primary_key=True)
    building = db.Column(db.String(40))
    label = db.Column(db.String(16))
    occupied = db.Column(db.Boolean, default=False)


class WorkOrder(db.Model):
    __tablename__ = "work_order"
    id = db.Column(db.Integer, primary_key=True)
    unit_id = db.Column(db.Integer, db.ForeignKey("unit.id"))
    status = db.Column(db.String(20))
    opened_at = db.Column(db.DateTime)


class SmartLock(db.Model):
    __tablename__ = "smart_lock"
    id = db.Column(db.Integer, primary_key=True)
    unit_id = db.Column(db.Integer, db.ForeignKey("unit.id"))
    battery_pct = db.Column(db.Integer)
    last_seen = db.Column(db.DateTime)


@login_manager.user_loader
def load_user(user_id):
    from ops.users import StaffUser
    return StaffUser.get(user_id)


@app.route("/")
@login_required
def index():
    return render_template("dashboard.html")


@app.route("/api/summary")
@login_required
def summary():
    occupancy = (
        db.session.query(Unit.building, func.count(Unit.id), func.sum(func.cast(Unit.occupied, db.Integer)))
        .group_by(Unit.building)
        .all()
    )
    stale = datetime.utcnow() - timedelta(days=7)
    return jsonify(
        occupancy=[{"building": b, "units": n, "occupied": int(o or 0)} for b, n, o in occupancy],
        open_work_orders=WorkOrder.query.filter(WorkOrder.status != "closed").count(),
        overdue_work_orders=WorkOrder.query.filter(WorkOrder.status != "closed", WorkOrder.opened_at < stale).count(),
        low_battery_locks=SmartLock.query.filter(SmartLock.battery_pct < LOW_BATTERY).count(),
        offline_locks=SmartLock.query.filter(SmartLock.last_seen < datetime.utcnow() - timedelta(hours=6)).count(),
    )


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    app.run(host="0.0.0.0", port=8050, debug=True)  # VULN
