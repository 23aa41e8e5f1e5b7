from flask import Blueprint, render_template_string, request
from flask_login import current_user, login_required

bp = Blueprint("notifications", __name__, url_prefix="/notifications")

PREVIEW_LAYOUT = """
{% extends "layout.html" %}
{% block content %}
<div class="notification-preview">__BODY__</div>
{% endblock %}
"""


def _render_body(subject, body):
    return "<h3>{}</h3><p>{}</p>".format(subject, body.replace("\n", "<br>"))


def build_preview(data):
    html = _render_body(data.get("subject", ""), data.get("body", ""))
    return PREVIEW_LAYOUT.replace("__BODY__", html)


@bp.route("/preview", methods=["POST"])
@login_required
def preview():
    data = request.get_json(force=True)
    template = build_preview(data)
    return render_template_string(template, user=current_user)  # VULN flow
