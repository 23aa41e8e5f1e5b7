"""One-click unsubscribe endpoint linked from every appeal email (Tornado)."""
import logging
import os
import sqlite3

import tornado.ioloop
import tornado.web

log = logging.getLogger("mail.unsubscribe")

DB_PATH = os.environ.get("SUBSCRIBERS_DB", "/var/lib/mail/subscribers.db")
LISTS = {"newsletter", "appeals", "events", "volunteer-news"}

PAGE = """<!doctype html><html><head><title>Unsubscribed</title></head>
<body><main>{content}</main></body></html>"""


class BaseHandler(tornado.web.RequestHandler):
    def initialize(self, db):
        self.db = db


class UnsubscribeHandler(BaseHandler):
    def get(self):
        email = self.get_argument("email").strip()
        list_name = self.get_argument("list", "newsletter")
        if list_name not in LISTS:
            list_name = "newsletter"

        cur = self.db.cursor()
        sql = "UPDATE subscribers SET active = 0, unsubscribed_at = CURRENT_TIMESTAMP " \
              "WHERE email = '%s' AND list_name = '%s'" % (email, list_name)
        cur.execute(sql)  # VULN flow
        self.db.commit()

        if cur.rowcount:
            msg = "<p>%s has been removed from the %s list.</p>" % (email, list_name)
        else:
            msg = "<p>We couldn't find %s on the %s list.</p>" % (email, list_name)
        self.write(PAGE.format(content=msg))  # VULN flow


class ResubscribeHandler(BaseHandler):
    def post(self):
        email = self.get_body_argument("email").strip()
        list_name = self.get_body_argument("list", "newsletter")
        if list_name not in LISTS:
            raise tornado.web.HTTPError(400)
        self.db.execute(
            "UPDATE subscribers SET active = 1 WHERE email = ? AND list_name = ?",
            (email, list_name),
        )
        self.db.commit()
        self.redirect("/preferences/saved")


def make_app() -> tornado.web.Application:
    db = sqlite3.connect(DB_PATH)
    return tornado.web.Application([
        (r"/unsubscribe", UnsubscribeHandler, {"db": db}),
        (r"/resubscribe", ResubscribeHandler, {"db": db}),
    ], xsrf_cookies=False)


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    make_app().listen(8890, address="127.0.0.1")
    tornado.ioloop.IOLoop.current().start()
