"""Notification template editor for the CMS.

Editors customise the e-mail templates sent to subscribers (new article,
comment reply, weekly digest) and can preview them with sample data.
"""
import logging
from datetime import datetime

from flask import Blueprint, abort, jsonify, request
from flask_login import current_user, login_required
from jinja2 import TemplateSyntaxError, select_autoescape
from jinja2.exceptions import SecurityError
from jinja2.sandbox import SandboxedEnvironment

from cms.models import NotificationTemplate, db

bp = Blueprint("notify_templates", __name__, url_prefix="/admin/notifications")
log = logging.getLogger(__name__)

env = SandboxedEnvironment(autoescape=select_autoescape(default=True, default_for_string=True))

SAMPLE_CONTEXT = {
    "site_name": "Example Journal",
    "subscriber": {"name": "Alex Reader", "email": "alex@example.org"},
    "article": {"title": "Spring issue is out", "url": "https://example.org/spring"},
    "unsubscribe_url": "https://example.org/u/abc123",
}


def render_notification(source: str, context: dict) -> str:
    tmpl = env.from_string(source)
    return tmpl.render(now=datetime.utcnow(), **context)


@bp.route("/<name>", methods=["PUT"])
@login_required
def save_template(name: str):
    if not current_user.has_role("editor"):
        abort(403)
    body = request.get_json(force=True) or {}
    source = body.get("source", "")
    try:
        env.parse(source)
    except TemplateSyntaxError as exc:
        return jsonify({"error": f"line {exc.lineno}: {exc.message}"}), 400
    tpl = NotificationTemplate.query.filter_by(name=name).first_or_404()
    tpl.source = source
    tpl.updated_by = current_user.id
    db.session.commit()
    return jsonify({"saved": name})


@bp.route("/<name>/preview", methods=["POST"])
@login_required
def preview_template(name: str):
    if not current_user.has_role("editor"):
        abort(403)
    tpl = NotificationTemplate.query.filter_by(name=name).first_or_404()
    body = request.get_json(silent=True) or {}
    source = body.get("source") or tpl.source
    try:
        html = render_notification(source, SAMPLE_CONTEXT)
    except TemplateSyntaxError as exc:
        return jsonify({"error": f"line {exc.lineno}: {exc.message}"}), 400
    except SecurityError:
        return jsonify({"error": "template uses a disallowed construct"}), 400
    return jsonify({"html": html})
