"""Discussion threads under knowledge-base articles."""
import os
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from urllib.parse import urlparse

from flask import Flask, abort, redirect, render_template, request, url_for
from flask_login import current_user, login_required
from flask_wtf.csrf import CSRFProtect
from markupsafe import Markup

app = Flask(__name__)
app.config["SECRET_KEY"] = os.environ["KB_SECRET_KEY"]
app.config["KB_DB"] = os.environ.get("KB_DB", "/var/lib/kb/kb.db")
csrf = CSRFProtect(app)


@dataclass
class Comment:
    author: str
    body: str
    created: datetime


def load_comments(article_id: int) -> list:
    with sqlite3.connect(app.config["KB_DB"]) as conn:
        rows = conn.execute(
            "SELECT author, body, created FROM comments WHERE article_id = ? ORDER BY created",
            (article_id,),
        ).fetchall()
    return [Comment(author, body, datetime.fromisoformat(created)) for author, body, created in rows]


def format_comment(comment: Comment) -> Markup:
    paragraphs = Markup("").join(
        Markup("<p>{}</p>").format(line) for line in comment.body.splitlines() if line.strip()
    )
    return Markup(
        '<article class="comment"><header>{}</header>{}'
        '<time>{}</time></article>'
    ).format(comment.author, paragraphs, f"{comment.created:%Y-%m-%d %H:%M}")


def local_path(value: str) -> bool:
    parsed = urlparse(value)
    return (
        value.startswith("/") and not value.startswith("//") and "\\" not in value
        and not any(ch.isspace() or ord(ch) < 32 for ch in value)
        and not parsed.scheme and not parsed.netloc
    )


@app.get("/articles/<int:article_id>/comments")
def show_comments(article_id: int):
    rendered = [format_comment(comment) for comment in load_comments(article_id)]
    return render_template("comments.html", article_id=article_id, comments=rendered)


@app.post("/articles/<int:article_id>/comments")
@login_required
def add_comment(article_id: int):
    body = request.form.get("body", "").strip()
    if not body or len(body) > 5000:
        abort(400)
    with sqlite3.connect(app.config["KB_DB"]) as conn:
        conn.execute(
            "INSERT INTO comments (article_id, author, body, created) VALUES (?, ?, ?, ?)",
            (article_id, current_user.display_name, body, datetime.utcnow().isoformat()),
        )
    return_to = request.args.get("return_to", "")
    if not local_path(return_to):
        return_to = url_for("show_comments", article_id=article_id)
    return redirect(return_to)
