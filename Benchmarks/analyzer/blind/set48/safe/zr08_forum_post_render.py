import re

from flask import Flask, abort, make_response, render_template, request
from markupsafe import Markup, escape

from forum.models import Post, Thread

app = Flask(__name__)

BBCODE_RULES = [
    (re.compile(r"\[b\](.+?)\[/b\]", re.S), r"<strong>\1</strong>"),
    (re.compile(r"\[i\](.+?)\[/i\]", re.S), r"<em>\1</em>"),
    (re.compile(r"\[quote=([^\]]+)\](.+?)\[/quote\]", re.S), r'<blockquote><cite>\1</cite>\2</blockquote>'),
    (re.compile(r"\[url=(https?://[^\]\s]+)\](.+?)\[/url\]", re.S), r'<a href="\1" rel="nofollow ugc">\2</a>'),
    (re.compile(r"\[code\](.+?)\[/code\]", re.S), r"<pre><code>\1</code></pre>"),
]


def bbcode_to_html(text: str) -> str:
    html = str(escape(text))
    for pattern, replacement in BBCODE_RULES:
        html = pattern.sub(replacement, html)
    return html.replace("\r\n", "\n").replace("\n", "<br>\n")


def render_post(post: Post) -> dict:
    body_html = Markup(bbcode_to_html(post.body))
    return {
        "id": post.id,
        "author": post.author.display_name,
        "created": post.created_at.strftime("%Y-%m-%d %H:%M"),
        "html": body_html,
        "edited": post.edited_at is not None,
    }


@app.route("/t/<int:thread_id>")
def show_thread(thread_id: int):
    thread = Thread.get_or_none(thread_id)
    if thread is None or thread.hidden:
        abort(404)
    page = request.args.get("page", 1, type=int)
    posts = thread.posts(page=page, per_page=20)
    return render_template(
        "thread.html",
        thread=thread,
        posts=[render_post(p) for p in posts],
        page=page,
    )


@app.route("/search/quick")
def quick_search():
    term = request.args.get("q", "").strip()
    hits = Post.search(term, limit=10) if term else []
    if not hits:
        message = f"<p class='empty'>No posts matched <b>{escape(term)}</b>.</p>"
        return make_response(message, 200)
    items = "".join(
        f"<li><a href='/t/{p.thread_id}#p{p.id}'>#{p.id}</a></li>" for p in hits
    )
    return f"<ul class='hits'>{items}</ul>"
