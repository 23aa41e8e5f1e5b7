"""Project settings: custom chat notification templates with live preview."""
import logging
import sqlite3
from datetime import datetime, timezone

from flask import Flask, abort, g, jsonify, request
from jinja2 import StrictUndefined, TemplateError
from jinja2.sandbox import SandboxedEnvironment

app = Flask(__name__)
log = logging.getLogger("settings.notifications")

DB_PATH = "/var/lib/ci/settings.db"
DEFAULT_TEMPLATE = "{{ project }}: pipeline #{{ pipeline.id }} {{ pipeline.status }} on {{ pipeline.ref }}"

env = SandboxedEnvironment(undefined=StrictUndefined, autoescape=False, trim_blocks=True)

SAMPLE_CONTEXT = {
    "project": "platform/api",
    "pipeline": {"id": 48213, "status": "failed", "ref": "main", "duration": 412},
    "author": "jdoe",
    "url": "https://ci.example.com/platform/api/-/pipelines/48213",
}


def get_db() -> sqlite3.Connection:
    if "db" not in g:
        g.db = sqlite3.connect(DB_PATH)
    return g.db


def render_message(template_src: str, context: dict) -> str:
    tpl = env.from_string(template_src)
    return tpl.render(**context, now=datetime.now(timezone.utc).isoformat())


@app.route("/api/projects/<int:project_id>/notification-template", methods=["GET"])
def get_template(project_id):
    row = get_db().execute(
        "SELECT template FROM notification_templates WHERE project_id = ?", (project_id,)
    ).fetchone()
    return jsonify(template=row[0] if row else DEFAULT_TEMPLATE)


@app.route("/api/projects/<int:project_id>/notification-template/preview", methods=["POST"])
def preview_template(project_id):
    payload = request.get_json(silent=True) or {}
    source = payload.get("template", DEFAULT_TEMPLATE)
    if len(source) > 4000:
        abort(413)
    try:
        text = render_message(source, SAMPLE_CONTEXT)
    except TemplateError as exc:
        return jsonify(error=str(exc)), 422
    log.info("template preview for project %d (%d chars)", project_id, len(source))
    return jsonify(preview=text)


@app.route("/api/projects/<int:project_id>/notification-template", methods=["PUT"])
def save_template(project_id):
    source = (request.get_json(silent=True) or {}).get("template", "")
    db = get_db()
    db.execute(
        "INSERT OR REPLACE INTO notification_templates (project_id, template) VALUES (?, ?)",
        (project_id, source),
    )
    db.commit()
    return jsonify(saved=True)
