"""Newsroom CMS: shareable press release previews for client sign-off."""
import os
from datetime import datetime, timezone

from flask import Flask, Response, abort, jsonify, request, session
from markupsafe import escape

PREVIEW_SHELL = """<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Preview: {title}</title>
<link rel="stylesheet" href="/static/press.css"></head>
<body>
<article class="release">
<h1>{title}</h1>
<p class="dateline">{dateline} &mdash; {date}</p>
<div class="body">{body}</div>
</article>
</body>
</html>"""


def render_preview(title, dateline, body):
    today = datetime.now(timezone.utc).strftime("%B %d, %Y")
    paragraphs = "".join(f"<p>{escape(p.strip())}</p>" for p in body.split("\n\n") if p.strip())
    return PREVIEW_SHELL.format(title=escape(title), dateline=escape(dateline), date=today, body=paragraphs)


def create_app():
    app = Flask(__name__, static_folder="static")
    app.secret_key = os.environ["CMS_SECRET_KEY"]
    app.config.update(
        SESSION_COOKIE_SECURE=True,
        SESSION_COOKIE_HTTPONLY=True,
        SESSION_COOKIE_SAMESITE="Lax",
    )

    @app.before_request
    def require_editor():
        if request.endpoint in ("static", "healthz"):
            return None
        if session.get("role") not in {"editor", "admin"}:
            abort(403)
        return None

    @app.get("/releases/preview")
    def preview():
        title = request.args.get("title", "").strip()
        dateline = request.args.get("dateline", "").strip()
        body = request.args.get("body", "")
        if not title or len(title) > 200 or len(body) > 20000:
            abort(400)
        html = render_preview(title, dateline, body)
        return Response(html, mimetype="text/html")

    @app.get("/releases/word-count")
    def word_count():
        body = request.args.get("body", "")
        words = len(body.split())
        return jsonify({"words": words, "reading_minutes": max(1, round(words / 230))})

    @app.get("/healthz")
    def healthz():
        return jsonify({"status": "ok"})

    return app
