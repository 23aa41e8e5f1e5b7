"""Saved dashboard layouts for the IoT fleet monitoring UI."""
import logging
import os
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Optional

import jsonpickle
from flask import Flask, jsonify, request
from flask_sqlalchemy import SQLAlchemy

logger = logging.getLogger("fleet.dashboards")

app = Flask(__name__)
app.config["SQLALCHEMY_DATABASE_URI"] = os.environ.get("FLEET_DB", "sqlite:///fleet.db")
db = SQLAlchemy(app)


class DashboardRow(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    owner_id = db.Column(db.Integer, index=True, nullable=False)
    name = db.Column(db.String(120), nullable=False)
    layout = db.Column(db.Text, nullable=False)
    updated_at = db.Column(db.DateTime(timezone=True))


@dataclass
class Widget:
    kind: str
    metric: str
    x: int = 0
    y: int = 0
    w: int = 4
    h: int = 3
    options: dict = field(default_factory=dict)


@dataclass
class Layout:
    name: str
    widgets: list = field(default_factory=list)
    refresh_seconds: int = 30


class LayoutCodec:
    def encode(self, layout: Layout) -> str:
        return jsonpickle.encode(layout)

    def decode(self, raw: str) -> Layout:
        return jsonpickle.decode(raw)  # VULN flow


class DashboardService:
    def __init__(self, session, codec: Optional[LayoutCodec] = None):
        self.session = session
        self.codec = codec or LayoutCodec()

    def save(self, owner_id: int, raw_layout: str) -> int:
        layout = self.codec.decode(raw_layout)
        row = DashboardRow(owner_id=owner_id, name=layout.name, layout=self.codec.encode(layout),
                           updated_at=datetime.now(timezone.utc))
        self.session.add(row)
        self.session.commit()
        return row.id

    def load(self, owner_id: int, dashboard_id: int) -> Optional[Layout]:
        row = DashboardRow.query.filter_by(id=dashboard_id, owner_id=owner_id).first()
        return self.codec.decode(row.layout) if row else None


def current_user_id() -> int:
    from flask_login import current_user
    return int(current_user.get_id())


@app.route("/dashboards", methods=["POST"])
def save_dashboard():
    service = DashboardService(db.session)
    dashboard_id = service.save(current_user_id(), request.get_data(as_text=True))
    logger.info("dashboard %d saved", dashboard_id)
    return jsonify({"id": dashboard_id}), 201


@app.route("/dashboards/<int:dashboard_id>")
def get_dashboard(dashboard_id: int):
    layout = DashboardService(db.session).load(current_user_id(), dashboard_id)
    if layout is None:
        return jsonify({"error": "not found"}), 404
    return jsonify({"name": layout.name, "widgets": [w.__dict__ for w in layout.widgets]})


if __name__ == "__main__":
    app.run(debug=True, port=5050)  # VULN
