from flask import Blueprint, render_template, request
from flask_login import login_required
from markupsafe import Markup

bp = Blueprint("comments", __name__, url_prefix="/posts")


def _paragraphs(text):
    blocks = []
    for chunk in text.split("\n\n"):
        chunk = chunk.strip()
        if chunk:
            blocks.append(f"<p>{chunk}</p>")
    return blocks


@bp.route("/<int:post_id>/comments/preview", methods=["POST"])
@login_required
def preview_comment(post_id):
    body = request.form.get("body", "")
    html = "".join(_paragraphs(body))
    rendered = Markup(html)  # VULN flow
    return render_template("comments/preview.html", post_id=post_id, comment_html=rendered)
