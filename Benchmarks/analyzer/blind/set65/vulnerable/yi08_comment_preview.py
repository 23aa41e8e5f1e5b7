"""Reader comments: live preview shown under the comment box before submitting."""
import logging
from datetime import datetime, timezone

from flask import Flask, abort, jsonify, make_response, request

app = Flask(__name__)
log = logging.getLogger("comments")

MAX_COMMENT = 5000
MAX_AUTHOR = 80


def render_body(text: str) -> str:
    paragraphs = [p.strip() for p in text.replace("\r\n", "\n").split("\n\n") if p.strip()]
    return "".join("<p>" + p.replace("\n", "<br>") + "</p>" for p in paragraphs)


def render_comment(author: str, text: str, posted: datetime) -> str:
    body_html = render_body(text)
    return (
        '<article class="comment comment--preview">'
        f'<header><strong class="comment__author">{author}</strong> '
        f'<time datetime="{posted.isoformat()}">{posted:%d %b %Y, %H:%M}</time></header>'
        f'<div class="comment__body">{body_html}</div>'
        "</article>"
    )


def validate(author: str, text: str) -> list:
    problems = []
    if not text.strip():
        problems.append("comment is empty")
    if len(text) > MAX_COMMENT:
        problems.append("comment is too long")
    if len(author) > MAX_AUTHOR:
        problems.append("display name is too long")
    return problems


@app.post("/articles/<int:article_id>/comments/preview")
def preview_comment(article_id: int):
    author = request.form.get("author", "").strip() or "Anonymous"
    text = request.form.get("text", "")
    problems = validate(author, text)
    if problems:
        return jsonify(errors=problems), 422
    fragment = render_comment(author, text, datetime.now(timezone.utc))
    resp = make_response(fragment)  # VULN flow
    resp.headers["Content-Type"] = "text/html; charset=utf-8"
    resp.headers["Cache-Control"] = "no-store"
    return resp


@app.post("/articles/<int:article_id>/comments")
def submit_comment(article_id: int):
    if request.content_length and request.content_length > 64 * 1024:
        abort(413)
    # persisted by the moderation queue; only acknowledge here
    return jsonify(status="queued", article=article_id), 202
