"""Tornado handlers for the blog comment widget (live preview + submit)."""
import datetime
import logging

import tornado.escape
import tornado.ioloop
import tornado.web

log = logging.getLogger("comments")

COMMENT_TEMPLATE = """
<article class="comment">
  <header><strong>{author}</strong> <time>{when}</time></header>
  <div class="comment-body">{body}</div>
</article>
"""


def paragraphs(text):
    chunks = [c.strip() for c in text.replace("\r\n", "\n").split("\n\n")]
    return "".join(f"<p>{c}</p>" for c in chunks if c)


def render_comment(author, body):
    when = datetime.datetime.utcnow().strftime("%Y-%m-%d %H:%M")
    return COMMENT_TEMPLATE.format(author=author, when=when, body=paragraphs(body))


class BaseHandler(tornado.web.RequestHandler):
    def get_current_user(self):
        return self.get_secure_cookie("reader")


class CommentPreviewHandler(BaseHandler):
    def post(self):
        author = self.get_body_argument("author", "anonymous")[:80]
        body = self.get_body_argument("body", "")[:5000]
        fragment = render_comment(author, body)
        self.set_header("Content-Type", "text/html; charset=UTF-8")
        self.write(fragment)  # VULN flow


class CommentSubmitHandler(BaseHandler):
    @tornado.web.authenticated
    def post(self, post_id):
        payload = tornado.escape.json_decode(self.request.body)
        comment = {"post": int(post_id), "author": self.current_user.decode(), "body": payload.get("body", "")}
        self.application.settings["comment_queue"].append(comment)
        log.info("queued comment on post %r", comment["post"])
        self.set_status(202)
        self.write({"status": "queued"})


def make_app(queue, cookie_secret):
    return tornado.web.Application(
        [(r"/comments/preview", CommentPreviewHandler),
         (r"/posts/(\d+)/comments", CommentSubmitHandler)],
        cookie_secret=cookie_secret, xsrf_cookies=True, comment_queue=queue,
        login_url="/login",
    )
