import time

import tornado.ioloop
import tornado.web

COMMENTS = []


class BoardHandler(tornado.web.RequestHandler):
    def get(self):
        items = "".join(
            f"<li><strong>{c['author']}</strong> <small>{c['at']}</small><p>{c['text']}</p></li>"
            for c in COMMENTS[-100:]
        )
        form = (
            f'<form method="post">{self.xsrf_form_html()}'
            '<input name="author" placeholder="name"><textarea name="text"></textarea>'
            "<button>Post</button></form>"
        )
        self.write(f"<html><body><h1>Guestbook</h1><ul>{items}</ul>{form}</body></html>")  # VULN flow

    def post(self):
        author = self.get_body_argument("author", "anonymous")[:40] or "anonymous"
        text = self.get_body_argument("text", "")[:1000]
        if text.strip():
            COMMENTS.append({"author": author, "text": text, "at": time.strftime("%Y-%m-%d %H:%M")})
        self.redirect("/")


def make_app():
    return tornado.web.Application(
        [(r"/", BoardHandler)],
        cookie_secret="f1d2c3b4a5968778695a4b3c2d1e0f9e8d7c6b5a",  # VULN
        xsrf_cookies=True,
    )


if __name__ == "__main__":
    make_app().listen(8890, address="127.0.0.1")
    tornado.ioloop.IOLoop.current().start()
