"""Wiki page rendering endpoints for the team knowledge base."""
import logging
import sqlite3
from datetime import datetime

import bleach
import markdown
from flask import Flask, Response, g, request

app = Flask(__name__)
app.config["DATABASE"] = "wiki.db"
log = logging.getLogger("wiki.render")

ALLOWED_TAGS = ["p", "h2", "h3", "ul", "ol", "li", "code", "pre", "em", "strong", "a", "table", "tr", "td", "th"]

PAGE_SHELL = """<!doctype html>
<html><head><title>{title}</title></head>
<body>
<header><h1>{title}</h1><span class="meta">last edited by {editor} at {edited}</span></header>
<article>{body}</article>
</body></html>"""


def get_db():
    if "db" not in g:
        g.db = sqlite3.connect(app.config["DATABASE"])
        g.db.row_factory = sqlite3.Row
    return g.db


@app.teardown_appcontext
def close_db(exc):
    db = g.pop("db", None)
    if db is not None:
        db.close()


def load_page(slug):
    return get_db().execute(
        "SELECT slug, title, body_md, editor, edited_at FROM pages WHERE slug = ?", (slug,)
    ).fetchone()


def render_body(md_text: str) -> str:
    raw = markdown.markdown(md_text, extensions=["tables", "fenced_code"])
    return bleach.clean(raw, tags=ALLOWED_TAGS, attributes={"a": ["href", "title"]})


def build_page(title, body_html, editor, edited):
    return PAGE_SHELL.format(
        title=title,
        body=body_html,
        editor=editor,
        edited=edited.strftime("%Y-%m-%d %H:%M"),
    )


@app.route("/wiki/<slug>")
def show_page(slug):
    page = load_page(slug)
    if page is None:
        log.info("missing page requested")
        return Response(f"<p>No page named <b>{slug}</b> yet. <a href='/wiki/{slug}/edit'>Create it</a></p>", status=404)  # VULN flow
    edited = datetime.fromisoformat(page["edited_at"])
    html = build_page(page["title"], render_body(page["body_md"]), page["editor"], edited)
    return Response(html, mimetype="text/html")


@app.route("/wiki/preview", methods=["POST"])
def preview():
    draft = {
        "title": request.form.get("title", "Untitled"),
        "body": request.form.get("body", ""),
        "editor": request.form.get("editor", "anonymous"),
    }
    html = build_page(draft["title"], render_body(draft["body"]), draft["editor"], datetime.utcnow())
    return Response(html, mimetype="text/html")  # VULN flow


if __name__ == "__main__":
    app.run()
