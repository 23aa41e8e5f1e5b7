"""Comment threads for knowledge-base articles."""
import re
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Dict, List

from flask import Flask, abort, redirect, render_template_string, request, url_for
from markupsafe import Markup

app = Flask(__name__)

MENTION_RE = re.compile(r"@([A-Za-z0-9_]{2,30})")
ARTICLES = {1: "Resetting your router", 2: "Configuring VPN access"}

PAGE = """<!doctype html>
<title>{{ title }}</title>
<h1>{{ title }}</h1>
{% for c in comments %}<article class="comment">{{ c }}</article>{% endfor %}
<form method="post">
  <input name="author" placeholder="Your name">
  <textarea name="body"></textarea>
  <button>Post comment</button>
</form>
"""


@dataclass
class Comment:
    author: str
    body: str
    created: datetime = field(default_factory=lambda: datetime.now(timezone.utc))


THREADS: Dict[int, List[Comment]] = {}


def format_comment(comment: Comment) -> Markup:
    linked = MENTION_RE.sub(r'<a href="/users/\1">@\1</a>', comment.body)
    stamp = comment.created.strftime("%Y-%m-%d %H:%M")
    return Markup(f'<p class="meta">{comment.author} &middot; {stamp}</p><p>{linked}</p>')  # VULN flow


@app.route("/articles/<int:article_id>/comments", methods=["GET", "POST"])
def comments(article_id):
    title = ARTICLES.get(article_id)
    if title is None:
        abort(404)
    if request.method == "POST":
        author = request.form.get("author", "").strip()[:60] or "Anonymous"
        body = request.form.get("body", "").strip()[:4000]
        if body:
            THREADS.setdefault(article_id, []).append(Comment(author=author, body=body))
        return redirect(url_for("comments", article_id=article_id))
    rendered = [format_comment(c) for c in THREADS.get(article_id, [])]
    return render_template_string(PAGE, title=title, comments=rendered)
