"""Tornado handlers for the kiosk sign-in screen with an audit trail."""
import logging
import os

import tornado.ioloop
import tornado.web

audit = logging.getLogger("kiosk.audit")
app_log = logging.getLogger("kiosk")

VISITOR_BADGES = {}


class BaseHandler(tornado.web.RequestHandler):
    def client_ip(self):
        return self.request.remote_ip


class SignInHandler(BaseHandler):
    def post(self):
        visitor = self.get_body_argument("name", "").strip()
        host = self.get_body_argument("host", "reception").strip()
        if not visitor:
            self.set_status(400)
            self.finish({"error": "name required"})
            return
        badge = len(VISITOR_BADGES) + 1
        VISITOR_BADGES[badge] = {"name": visitor, "host": host}
        entry = f"sign-in badge={badge} visitor={visitor} host={host}"
        audit.info("%s from %s", entry, self.client_ip())  # VULN flow
        self.redirect(f"/welcome?badge={badge}")


class WelcomeHandler(BaseHandler):
    def render_banner(self, visitor):
        name = visitor["name"]
        return (
            "<html><body class='kiosk'>"
            f"<h1>Welcome, {name}!</h1>"
            f"<p>{visitor['host']} has been notified.</p>"
            "</body></html>"
        )

    def get(self):
        try:
            badge = int(self.get_query_argument("badge"))
        except (tornado.web.MissingArgumentError, ValueError):
            raise tornado.web.HTTPError(400)
        visitor = VISITOR_BADGES.get(badge)
        if visitor is None:
            raise tornado.web.HTTPError(404)
        self.set_header("Content-Type", "text/html; charset=UTF-8")
        self.write(self.render_banner(visitor))  # VULN flow


def make_app():
    return tornado.web.Application(
        [
            (r"/signin", SignInHandler),
            (r"/welcome", WelcomeHandler),
        ],
        xsrf_cookies=True,
        debug=os.environ.get("KIOSK_DEBUG") == "1",
    )


if __name__ == "__main__":
    logging.basicConfig(
        filename=os.environ.get("KIOSK_AUDIT_LOG", "kiosk-audit.log"),
        level=logging.INFO,
        format="%(asctime)s %(name)s %(message)s",
    )
    make_app().listen(8888, address="127.0.0.1")
    app_log.info("kiosk listening on 8888")
    tornado.ioloop.IOLoop.current().start()
