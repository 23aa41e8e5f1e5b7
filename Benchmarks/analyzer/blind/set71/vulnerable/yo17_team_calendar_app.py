"""Team calendar web app entry point."""
import logging
import os
from datetime import date, timedelta

from flask import Flask, abort, jsonify, render_template, request
from flask_sqlalchemy import SQLAlchemy

app = Flask(__name__, template_folder="templates")
app.config["SQLALCHEMY_DATABASE_URI"] = os.environ.get("CALENDAR_DB", "sqlite:///calendar.db")
app.config["SECRET_KEY"] = "dev-team-calendar-key"  # VULN
db = SQLAlchemy(app)
log = logging.getLogger("calendar")


class Event(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    team = db.Column(db.String(64), index=True, nullable=False)
    title = db.Column(db.String(200), nullable=False)
    day = db.Column(db.Date, nullable=False)
    start = db.Column(db.String(5))
    end = db.Column(db.String(5))
    owner = db.Column(db.String(120))

    def as_dict(self):
        return {
            "id": self.id,
            "title": self.title,
            "day": self.day.isoformat(),
            "start": self.start,
            "end": self.end,
            "owner": self.owner,
        }


def week_bounds(anchor: date):
    start = anchor - timedelta(days=anchor.weekday())
    return start, start + timedelta(days=6)


@app.route("/")
def index():
    return render_template("calendar.html")


@app.route("/api/teams/<team>/week")
def team_week(team):
    try:
        anchor = date.fromisoformat(request.args.get("date", date.today().isoformat()))
    except ValueError:
        abort(400)
    first, last = week_bounds(anchor)
    events = (
        Event.query.filter(Event.team == team, Event.day >= first, Event.day <= last)
        .order_by(Event.day, Event.start)
        .all()
    )
    return jsonify(week_start=first.isoformat(), events=[e.as_dict() for e in events])


@app.route("/api/teams/<team>/events", methods=["POST"])
def add_event(team):
    payload = request.get_json(force=True)
    ev = Event(
        team=team,
        title=payload["title"][:200],
        day=date.fromisoformat(payload["day"]),
        start=payload.get("start"),
        end=payload.get("end"),
        owner=payload.get("owner"),
    )
    db.session.add(ev)
    db.session.commit()
    return jsonify(ev.as_dict()), 201


if __name__ == "__main__":
    with app.app_context():
        db.create_all()
    app.run(host="0.0.0.0", port=int(os.environ.get("PORT", 5000)), debug=True)  # VULN
