"""Embeddable comment widget served as an HTML page (Falcon)."""
from html import escape

import falcon

from .storage import CommentStore

ROW_TEMPLATE = '<li class="comment"><span class="author">{author}</span><p>{body}</p></li>'
PAGE_TEMPLATE = """<!doctype html>
<html><head><meta charset="utf-8"><title>Comments</title>
<link rel="stylesheet" href="/static/widget.css"></head>
<body><h3>Comments on {thread}</h3><ul class="comments">{rows}</ul></body></html>"""


def render_rows(comments):
    return "".join(
        ROW_TEMPLATE.format(author=escape(c["author"]), body=escape(c["body"])) for c in comments
    )


class CommentWidgetResource:
    def __init__(self, store: CommentStore):
        self.store = store

    def on_get(self, req, resp, thread_id):
        comments = self.store.list(thread_id, limit=50)
        thread_title = escape(req.get_param("title", default=thread_id))
        resp.content_type = falcon.MEDIA_HTML
        resp.set_header("X-Frame-Options", "SAMEORIGIN")
        resp.text = PAGE_TEMPLATE.format(thread=thread_title, rows=render_rows(comments))

    def on_post(self, req, resp, thread_id):
        data = req.get_media()
        author = str(data.get("author", "anonymous")).strip()[:64] or "anonymous"
        body = str(data.get("body", "")).strip()[:2000]
        if not body:
            raise falcon.HTTPBadRequest(title="empty comment")
        self.store.add(thread_id, author, body)
        resp.status = falcon.HTTP_201
        resp.media = {"ok": True}


class CommentCountResource:
    def __init__(self, store: CommentStore):
        self.store = store

    def on_get(self, req, resp, thread_id):
        resp.media = {"thread": thread_id, "count": self.store.count(thread_id)}


def create_app(store: CommentStore):
    app = falcon.App()
    app.add_route("/threads/{thread_id}/widget", CommentWidgetResource(store))
    app.add_route("/threads/{thread_id}/count", CommentCountResource(store))
    return app
