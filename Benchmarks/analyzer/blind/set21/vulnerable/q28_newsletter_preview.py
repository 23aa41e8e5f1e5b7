"""Newsletter editor: live preview of a campaign draft before it is scheduled."""
from flask import Blueprint, abort, render_template_string, request
from flask_login import current_user, login_required
from markupsafe import Markup

bp = Blueprint("campaigns", __name__, url_prefix="/campaigns")

PREVIEW_PAGE = """
<!doctype html>
<html><head><title>Preview</title><link rel="stylesheet" href="/static/mail.css"></head>
<body class="preview">{{ preview }}<footer>{{ footer }}</footer></body></html>
"""


def collect_draft(form):
    return {
        "subject": form.get("subject", "").strip(),
        "headline": form.get("headline", "").strip(),
        "paragraphs": [p for p in form.getlist("paragraph") if p.strip()],
        "cta_label": form.get("cta_label", "Read more"),
    }


def render_draft(draft):
    body = "".join(f"<p>{p}</p>" for p in draft["paragraphs"])
    return Markup(f"<h1>{draft['headline']}</h1><h2>{draft['subject']}</h2>{body}"  # VULN flow
                  f"<a class='cta' href='#'>{draft['cta_label']}</a>")


@bp.post("/preview")
@login_required
def preview():
    if not current_user.can_edit_campaigns:
        abort(403)
    draft = collect_draft(request.form)
    if not draft["subject"]:
        abort(400)
    footer = f"Sent by {current_user.organisation_name}"
    return render_template_string(PREVIEW_PAGE, preview=render_draft(draft), footer=footer)
