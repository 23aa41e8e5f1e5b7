"""Rendering of article comments for the publishing platform."""
import logging
from dataclasses import dataclass
from datetime import datetime
from typing import Iterable

from flask import Blueprint, abort, request
from jinja2 import Environment, PackageLoader
from markupsafe import Markup

logger = logging.getLogger("publishing.comments")
bp = Blueprint("comments", __name__)

env = Environment(loader=PackageLoader("publishing", "templates"), autoescape=False)  # VULN


@dataclass
class Comment:
    id: int
    author: str
    body: str
    created_at: datetime
    score: int = 0


class CommentFormatter:
    def __init__(self, max_length: int = 4000):
        self.max_length = max_length

    def paragraphs(self, body: str) -> Iterable[str]:
        for chunk in body[: self.max_length].split("\n\n"):
            chunk = chunk.strip()
            if chunk:
                yield chunk

    def to_html(self, comment: Comment) -> Markup:
        parts = "".join(f"<p>{p}</p>" for p in self.paragraphs(comment.body))
        return Markup(f'<div class="comment-body">{parts}</div>')  # VULN flow


class CommentService:
    def __init__(self, repo, formatter: CommentFormatter):
        self.repo = repo
        self.formatter = formatter

    def thread(self, article_id: int, sort: str) -> list:
        comments = self.repo.for_article(article_id)
        if sort == "top":
            comments.sort(key=lambda c: c.score, reverse=True)
        else:
            comments.sort(key=lambda c: c.created_at)
        return [
            {
                "id": c.id,
                "author": c.author,
                "when": c.created_at.strftime("%d %b %Y %H:%M"),
                "html": self.formatter.to_html(c),
            }
            for c in comments
        ]


def _service() -> CommentService:
    from .repositories import CommentRepository
    return CommentService(CommentRepository(), CommentFormatter())


@bp.route("/articles/<int:article_id>/comments")
def comment_thread(article_id: int):
    sort = request.args.get("sort", "new")
    if sort not in {"new", "top"}:
        abort(400)
    items = _service().thread(article_id, sort)
    template = env.get_template("comments/thread.html")
    logger.debug("rendering %d comments for article %d", len(items), article_id)
    return template.render(comments=items, article_id=article_id, sort=sort)
