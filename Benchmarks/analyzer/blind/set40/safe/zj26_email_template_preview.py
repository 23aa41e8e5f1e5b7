"""CRM back office: marketing staff edit and preview transactional e-mail templates."""
import logging
from string import Template

from flask import Blueprint, abort, jsonify, render_template_string, request
import nh3
from flask_login import current_user, login_required
from markupsafe import Markup

from .models import EmailTemplate, db

bp = Blueprint("email_templates", __name__, url_prefix="/crm/templates")
log = logging.getLogger("crm.templates")

LAYOUT = """<html><body style="font-family:sans-serif">
<div class="header"><img src="https://cdn.example.com/logo.png" alt="Example"></div>
{{ body }}
<div class="footer">You receive this e-mail because you have an account with Example.</div>
</body></html>"""

SAMPLE_CONTEXT = {
    "customer_first_name": "Dana", "customer_last_name": "Reyes", "customer_email": "dana@example.org",
    "order_number": "EX-10442", "order_total": "89.90", "order_currency": "EUR",
    "support_url": "https://help.example.com",
}


def fill_placeholders(source):
    # placeholders look like $customer_first_name; unknown ones are left untouched
    return Template(source).safe_substitute(SAMPLE_CONTEXT)


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
    document = Markup(nh3.clean(fill_placeholders(body)))
    html = render_template_string(LAYOUT, body=document)
    subject = fill_placeholders(payload.get("subject", ""))
    return jsonify({"subject": subject, "html": html})
