"""CRM back office: marketing staff edit and preview transactional e-mail templates."""
import logging

from flask import Blueprint, abort, jsonify, render_template_string, request
from flask_login import current_user, login_required

from .models import EmailTemplate, db

bp = Blueprint("email_templates", __name__, url_prefix="/crm/templates")
log = logging.getLogger("crm.templates")

LAYOUT = """<html><body style="font-family:sans-serif">
<div class="header"><img src="https://cdn.example.com/logo.png" alt="Example"></div>
{body}
<div class="footer">You receive this e-mail because you have an account with Example.</div>
</body></html>"""

SAMPLE_CONTEXT = {
    "customer": {"first_name": "Dana", "last_name": "Reyes", "email": "dana@example.org"},
    "order": {"number": "EX-10442", "total": "89.90", "currency": "EUR"},
    "support_url": "https://help.example.com",
}


def compose(body_source):
    return LAYOUT.replace("{body}", body_source)


@bp.route("/<int:template_id>", methods=["GET"])
@login_required
def get_template(template_id):
    tpl = EmailTemplate.query.get_or_404(template_id)
    return jsonify({"id": tpl.id, "name": tpl.name, "subject": tpl.subject, "body": tpl.body})


@bp.route("/<int:template_id>", methods=["PUT"])
@login_required
def update_template(template_id):
    tpl = EmailTemplate.query.get_or_404(template_id)
    payload = request.get_json(force=True)
    tpl.subject = payload.get("subject", tpl.subject)
    tpl.body = payload.get("body", tpl.body)
    tpl.updated_by = current_user.id
    db.session.commit()
    log.info("template %s updated by %s", tpl.id, current_user.id)
    return jsonify({"ok": True})


@bp.route("/preview", methods=["POST"])
@login_required
def preview():
    payload = request.get_json(force=True)
    body = payload.get("body")
    if not body:
        abort(400)
    document = compose(body)
    html = render_template_string(document, **SAMPLE_CONTEXT)  # VULN flow
    subject = render_template_string(payload.get("subject", ""), **SAMPLE_CONTEXT)  # VULN flow
    return jsonify({"subject": subject, "html": html})
