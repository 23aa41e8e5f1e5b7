"""Experiment notification templates.

Growth managers write the email that is sent when a user is enrolled into a
variant; the editor calls the preview endpoint on every keystroke.
"""
import logging
from dataclasses import dataclass

from flask import Flask, abort, jsonify, request
from jinja2.sandbox import SandboxedEnvironment

app = Flask(__name__)
log = logging.getLogger("notifications")
template_env = SandboxedEnvironment(autoescape=True)

SAMPLE_USER = {"first_name": "Ada", "email": "ada@example.com", "plan": "pro"}
EXPERIMENTS = {
    1: {"name": "Annual plan nudge", "variant": "discount_20"},
    2: {"name": "Onboarding checklist", "variant": "checklist"},
}


@dataclass
class NotificationTemplate:
    subject: str
    body: str

    def _render(self, source: str, ctx: dict) -> str:
        return template_env.from_string(source).render(**ctx)

    def render_subject(self, ctx: dict) -> str:
        return self._render(self.subject, ctx).strip()

    def render_body(self, ctx: dict) -> str:
        return self._render(self.body, ctx)


def sample_context(experiment_id) -> dict:
    experiment = EXPERIMENTS.get(experiment_id)
    if experiment is None:
        abort(404)
    return {"user": SAMPLE_USER, "experiment": experiment}


@app.post("/api/notifications/preview")
def preview():
    data = request.get_json(force=True) or {}
    tpl = NotificationTemplate(subject=str(data.get("subject", "")), body=str(data.get("body", "")))
    if len(tpl.body) > 20_000:
        abort(413)
    ctx = sample_context(data.get("experiment_id"))
    try:
        return jsonify(subject=tpl.render_subject(ctx), html=tpl.render_body(ctx))
    except Exception as exc:
        log.info("template preview failed: %r", exc)
        return jsonify(error="template error"), 400


@app.post("/api/notifications/<int:experiment_id>/send-test")
def send_test(experiment_id):
    data = request.get_json(force=True) or {}
    tpl = NotificationTemplate(subject=str(data.get("subject", "")), body=str(data.get("body", "")))
    ctx = sample_context(experiment_id)
    message = {"to": SAMPLE_USER["email"], "subject": tpl.render_subject(ctx), "html": tpl.render_body(ctx)}
    log.info("queued test notification for experiment %d", experiment_id)
    return jsonify(queued=True, preview=message)
