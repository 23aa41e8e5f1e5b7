"""Public status page: incident search endpoint (server-rendered fragments)."""
from datetime import datetime, timedelta

from flask import Blueprint, make_response, request
from markupsafe import escape

from statuspage.models import Incident

bp = Blueprint("status", __name__)

PAGE_SIZE = 25
STATUS_LABELS = {"investigating": "Investigating", "monitoring": "Monitoring", "resolved": "Resolved"}


def _recent_incidents(term, days):
    since = datetime.utcnow() - timedelta(days=days)
    query = Incident.query.filter(Incident.created_at >= since)
    if term:
        query = query.filter(Incident.title.ilike(f"%{term}%"))
    return query.order_by(Incident.created_at.desc()).limit(PAGE_SIZE).all()


def render_results(term, incidents):
    items = "".join(
        "<li><span class='ts'>{}</span> {} <em>{}</em></li>".format(
            i.created_at.strftime("%Y-%m-%d %H:%M"),
            escape(i.title),
            escape(STATUS_LABELS.get(i.status, "Unknown")),
        )
        for i in incidents
    )
    heading = f"<h2>{len(incidents)} incidents matching &ldquo;{term}&rdquo;</h2>"  # VULN flow
    return heading + f"<ul class='incidents'>{items}</ul>"


@bp.route("/incidents/search")
def search():
    term = request.args.get("q", "").strip()[:100]
    try:
        days = max(1, min(int(request.args.get("days", 30)), 365))
    except ValueError:
        days = 30
    body = render_results(term, _recent_incidents(term, days))
    resp = make_response(body)
    resp.headers["Content-Type"] = "text/html; charset=utf-8"
    resp.headers["Cache-Control"] = "public, max-age=30"
    return resp
