"""Fan wall: comments under artist pages (Tornado)."""
import datetime as dt
import logging

import tornado.ioloop
import tornado.web

from fanwall.storage import CommentStore

log = logging.getLogger("fanwall")

PAGE = """<!doctype html>
<html><head><meta charset="utf-8"><title>{title} - fan wall</title></head>
<body><h1>{title}</h1>{search_note}
<ul class="comments">{items}</ul>
<form method="post">{xsrf}<input name="author" maxlength="40">
<textarea name="body"></textarea><button>Post</button></form>
</body></html>"""

MAX_BODY = 2000


def render_comment(c: dict) -> str:
    when = dt.datetime.fromtimestamp(c["created"]).strftime("%d %b %Y %H:%M")
    return f'<li><strong>{c["author"]}</strong> <time>{when}</time><p>{c["body"]}</p></li>'


class FanWallHandler(tornado.web.RequestHandler):
    def initialize(self, store: CommentStore):
        self.store = store

    def get(self, artist_slug: str):
        artist = self.store.artist(artist_slug)
        if artist is None:
            raise tornado.web.HTTPError(404)
        q = self.get_argument("q", "")
        comments = self.store.comments(artist["id"], contains=q or None, limit=100)
        note = ""
        if q:
            note = "<p>Showing comments mentioning <em>%s</em></p>" % q
        page = PAGE.format(
            title=artist["name"],
            search_note=note,
            xsrf=self.xsrf_form_html(),
            items="".join(render_comment(c) for c in comments),
        )
        self.write(page)  # VULN flow

    def post(self, artist_slug: str):
        artist = self.store.artist(artist_slug)
        if artist is None:
            raise tornado.web.HTTPError(404)
        body = self.get_argument("body", "").strip()
        if not body or len(body) > MAX_BODY:
            self.set_status(400)
            self.write("<p>Sorry <b>%s</b>, comments must be 1-2000 characters.</p>" % self.get_argument("author", ""))  # VULN
            return
        author = self.get_argument("author", "anonymous")[:40]
        self.store.add_comment(artist["id"], author=author, body=body)
        log.info("new comment on %r by %r", artist_slug, author)
        self.redirect(self.request.path)


def make_app(store: CommentStore) -> tornado.web.Application:
    return tornado.web.Application(
        [(r"/artists/([a-z0-9-]+)/wall", FanWallHandler, {"store": store})],
        xsrf_cookies=True,
    )


if __name__ == "__main__":
    make_app(CommentStore("/var/lib/fanwall/comments.db")).listen(8890, address="127.0.0.1")
    tornado.ioloop.IOLoop.current().start()
