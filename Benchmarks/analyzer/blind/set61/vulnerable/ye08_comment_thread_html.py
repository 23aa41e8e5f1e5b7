"""Server-rendered comment thread fragment used by the photo page (htmx swap)."""
import re
from datetime import datetime, timezone

from flask import Flask, Response, abort, request

app = Flask(__name__)

BOLD_RE = re.compile(r"\*\*(.+?)\*\*")
MENTION_RE = re.compile(r"@([A-Za-z0-9_]{2,30})")

# photo_id -> list of comments; the real app reads these from Postgres
COMMENTS = {}


def _format_body(text):
    text = BOLD_RE.sub(r"<strong>\1</strong>", text)
    text = MENTION_RE.sub(r'<a class="mention" href="/u/\1">@\1</a>', text)
    return text.replace("\n", "<br>")


def _render_comment(c):
    when = datetime.fromtimestamp(c["ts"], tz=timezone.utc).strftime("%d %b %Y %H:%M")
    parts = [
        '<li class="comment">',
        f'<span class="author">{c["author"]}</span>',
        f'<time>{when}</time>',
        f'<p>{_format_body(c["body"])}</p>',
        "</li>",
    ]
    return "".join(parts)


def render_thread(photo_id, comments, highlight=None):
    items = [_render_comment(c) for c in comments]
    header = f'<h3>{len(items)} comments</h3>'
    if highlight:
        header += f'<div class="notice">Showing replies matching “{highlight}”</div>'
    return f'<section id="thread-{photo_id}">{header}<ul>{"".join(items)}</ul></section>'


@app.route("/photos/<int:photo_id>/comments", methods=["GET"])
def comment_fragment(photo_id):
    comments = COMMENTS.get(photo_id, [])
    term = request.args.get("q", "").strip()
    if term:
        comments = [c for c in comments if term.lower() in c["body"].lower()]
    html = render_thread(photo_id, comments, highlight=term)
    return Response(html, mimetype="text/html")  # VULN flow


@app.route("/photos/<int:photo_id>/comments", methods=["POST"])
def add_comment(photo_id):
    author = request.form.get("author", "").strip()[:40]
    body = request.form.get("body", "").strip()
    if not author or not body:
        abort(400)
    COMMENTS.setdefault(photo_id, []).append(
        {"author": author, "body": body[:2000],
         "ts": datetime.now(tz=timezone.utc).timestamp()}
    )
    return comment_fragment(photo_id)
