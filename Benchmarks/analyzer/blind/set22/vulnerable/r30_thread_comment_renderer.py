"""Design-review tool: discussion threads attached to mockups."""
from datetime import datetime

from flask import Blueprint, abort, g, redirect, render_template, request, url_for
from markupsafe import Markup, escape

from reviews.auth import login_required
from reviews.models import Comment, Mockup, db

threads = Blueprint("threads", __name__)

MAX_COMMENT = 4000


def _format_body(text):
    # keep the author's line breaks
    return text.replace("\r\n", "\n").replace("\n", "<br>")


def render_comment(comment):
    author = comment.author_name
    body = _format_body(comment.body)
    stamp = comment.created_at.strftime("%d %b %Y %H:%M")
    return Markup(f'<article class="comment"><header><b>{author}</b> <time>{stamp}</time></header><p>{body}</p></article>')  # VULN flow


@threads.route("/mockups/<int:mockup_id>/thread")
@login_required
def show_thread(mockup_id):
    mockup = Mockup.query.get_or_404(mockup_id)
    comments = Comment.query.filter_by(mockup_id=mockup.id).order_by(Comment.created_at).all()
    rendered = [render_comment(c) for c in comments]
    return render_template("thread.html", mockup=mockup, comments=rendered, title=escape(mockup.title))


@threads.route("/mockups/<int:mockup_id>/thread", methods=["POST"])
@login_required
def post_comment(mockup_id):
    mockup = Mockup.query.get_or_404(mockup_id)
    body = request.form.get("body", "").strip()
    if not body or len(body) > MAX_COMMENT:
        abort(400)
    db.session.add(Comment(
        mockup_id=mockup.id,
        author_name=g.user.display_name,
        body=body,
        created_at=datetime.utcnow(),
    ))
    db.session.commit()
    return redirect(url_for("threads.show_thread", mockup_id=mockup.id))
