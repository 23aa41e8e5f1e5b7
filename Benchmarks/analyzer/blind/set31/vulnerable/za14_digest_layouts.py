"""Weekly plain-text digest reports with team-customisable layouts."""
import logging
from datetime import date, timedelta

from flask import Blueprint, Response, abort, g, request
from flask.views import MethodView
from jinja2 import Environment, StrictUndefined, TemplateError

from .metrics import collect_weekly_metrics
from .models import DigestLayout, db

bp = Blueprint("digests", __name__)
logger = logging.getLogger(__name__)

_env = Environment(undefined=StrictUndefined, keep_trailing_newline=True)

DEFAULT_LAYOUT = (
    "Weekly digest for {{ team }} ({{ start }} - {{ end }})\n"
    "Deploys: {{ deploys }}\n"
    "Incidents: {{ incidents }}\n"
)
MAX_LAYOUT_CHARS = 4000


def render_layout(source, context):
    return _env.from_string(source).render(**context)  # VULN flow


def _text(body, status=200):
    resp = Response(body, status=status, mimetype="text/plain")
    resp.headers["X-Content-Type-Options"] = "nosniff"
    return resp


class DigestLayoutView(MethodView):
    def _require_member(self, team_id):
        if not g.user.is_member_of(team_id):
            abort(404)

    def _context(self, team_id):
        metrics = collect_weekly_metrics(team_id)
        end = date.today()
        return {
            "team": metrics["team_name"],
            "start": (end - timedelta(days=7)).isoformat(),
            "end": end.isoformat(),
            "deploys": metrics["deploys"],
            "incidents": metrics["incidents"],
        }

    def get(self, team_id):
        self._require_member(team_id)
        layout = DigestLayout.query.filter_by(team_id=team_id).first()
        source = layout.source if layout else DEFAULT_LAYOUT
        return _text(render_layout(source, self._context(team_id)))

    def post(self, team_id):
        self._require_member(team_id)
        source = request.get_data(as_text=True)
        if not source or len(source) > MAX_LAYOUT_CHARS:
            abort(400)
        try:
            preview = render_layout(source, self._context(team_id))
        except TemplateError:
            return _text("layout could not be rendered\n", status=422)
        return _text(preview)

    def put(self, team_id):
        self._require_member(team_id)
        source = request.get_data(as_text=True)
        if not source or len(source) > MAX_LAYOUT_CHARS:
            abort(400)
        layout = DigestLayout.query.filter_by(team_id=team_id).first()
        if layout is None:
            layout = DigestLayout(team_id=team_id)
        layout.source = source
        layout.updated_by = g.user.id
        db.session.add(layout)
        db.session.commit()
        logger.info("digest layout for team %r updated by %r", team_id, g.user.id)
        return Response(status=204)


bp.add_url_rule(
    "/teams/<int:team_id>/digest-layout",
    view_func=DigestLayoutView.as_view("digest_layout"),
)
