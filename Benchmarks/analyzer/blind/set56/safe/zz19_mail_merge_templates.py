"""Mail-merge endpoints for the volunteer newsletter editor.

Chapter volunteers write their own newsletter templates in the editor; the
preview endpoint renders them against a sample member record.
"""
import logging
from datetime import date

from flask import Flask, abort, jsonify, request
from flask_login import current_user, login_required
from jinja2.sandbox import ImmutableSandboxedEnvironment

app = Flask(__name__)
log = logging.getLogger("mail_merge")
merge_env = ImmutableSandboxedEnvironment(autoescape=True)

SAMPLE_MEMBER = {
    "first_name": "Jordan",
    "last_name": "Rivera",
    "chapter": "Riverside",
    "member_since": date(2019, 4, 12),
    "renewal_due": date(2025, 4, 12),
}


class TemplateStore:
    def __init__(self):
        self._templates = {}

    def save(self, chapter: str, name: str, body: str, subject: str):
        self._templates[(chapter, name)] = {"body": body, "subject": subject}

    def get(self, chapter: str, name: str):
        return self._templates.get((chapter, name))


store = TemplateStore()


def merge(template_body: str, member: dict) -> str:
    context = dict(member)
    context["today"] = date.today()
    return merge_env.from_string(template_body).render(**context)


@app.route("/editor/templates/<name>", methods=["PUT"])
@login_required
def save_template(name):
    payload = request.get_json(force=True) or {}
    body = payload.get("body", "")
    if len(body) > 100_000:
        abort(413)
    store.save(current_user.chapter, name, body, payload.get("subject", ""))
    log.info("template %r saved by user %s", name, current_user.id)
    return jsonify(saved=name)


@app.route("/editor/templates/<name>/preview", methods=["GET"])
@login_required
def preview_template(name):
    tpl = store.get(current_user.chapter, name)
    if tpl is None:
        abort(404)
    html = merge(tpl["body"], SAMPLE_MEMBER)
    return jsonify(subject=tpl["subject"], html=html)


@app.route("/editor/preview-draft", methods=["POST"])
@login_required
def preview_draft():
    draft = request.form.get("body", "")
    return jsonify(html=merge(draft, SAMPLE_MEMBER))
