"""Tornado handlers for reviewer comments on translated segments."""
import json
import logging

import tornado.escape
import tornado.ioloop
import tornado.web

audit = logging.getLogger("audit.comments")
log = logging.getLogger("comments")


class CommentStore:
    def __init__(self):
        self._items = {}

    def add(self, segment_id: str, author: str, body: str, category: str) -> dict:
        item = {"author": author, "body": body, "category": category}
        self._items.setdefault(segment_id, []).append(item)
        return item

    def list(self, segment_id: str) -> list:
        return list(self._items.get(segment_id, []))


class BaseHandler(tornado.web.RequestHandler):
    def get_current_user(self):
        return self.get_signed_cookie("reviewer", max_age_days=1)

    def write_json(self, obj, status=200):
        self.set_status(status)
        self.set_header("Content-Type", "application/json")
        self.finish(json.dumps(obj))


class CommentsHandler(BaseHandler):
    CATEGORIES = {"accuracy", "fluency", "terminology", "style", "locale"}

    def initialize(self, store: CommentStore):
        self.store = store

    @tornado.web.authenticated
    def get(self, segment_id):
        self.write_json({"segment": segment_id, "comments": self.store.list(segment_id)})

    @tornado.web.authenticated
    def post(self, segment_id):
        data = tornado.escape.json_decode(self.request.body or b"{}")
        body = (data.get("body") or "").strip()
        category = data.get("category", "accuracy")
        if not body or category not in self.CATEGORIES:
            return self.write_json({"error": "body and a valid category are required"}, 400)
        reviewer = tornado.escape.to_unicode(self.current_user)
        item = self.store.add(segment_id, reviewer, body, category)
        audit.info("reviewer=%r segment=%r category=%r comment=%r", reviewer, segment_id, category, body[:200])
        self.write_json(item, 201)


def make_app(cookie_secret: str) -> tornado.web.Application:
    store = CommentStore()
    return tornado.web.Application(
        [(r"/segments/([A-Za-z0-9_\-:.]+)/comments", CommentsHandler, {"store": store})],
        cookie_secret=cookie_secret,
        login_url="/login",
        xsrf_cookies=True,
    )


if __name__ == "__main__":
    import os

    logging.basicConfig(level=logging.INFO)
    make_app(os.environ["COMMENTS_COOKIE_SECRET"]).listen(8888, address="127.0.0.1")
    tornado.ioloop.IOLoop.current().start()
