"""Tiny one-click unsubscribe endpoint that sits behind the mail provider's link tracker."""
import logging
import re
import sqlite3
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

logging.basicConfig(filename="unsubscribe.log", level=logging.INFO, format="%(asctime)s %(message)s")
log = logging.getLogger("unsubscribe")

EMAIL_RE = re.compile(r"^([a-zA-Z0-9_.+-]+)*@([a-zA-Z0-9-]+\.)+[a-zA-Z]{2,}$")
DB_PATH = "subscribers.db"

PAGE = """<!doctype html><html><body>
<h1>{title}</h1><p>{message}</p>
</body></html>"""


class SubscriberStore:
    def __init__(self, path: str):
        self.path = path

    def unsubscribe(self, email: str, list_id: str) -> bool:
        with sqlite3.connect(self.path) as conn:
            cur = conn.execute(
                "UPDATE subscriptions SET active = 0 WHERE email = ? AND list_id = ? AND active = 1",
                (email.lower(), list_id),
            )
            return cur.rowcount > 0


def is_valid_email(address: str) -> bool:
    return bool(EMAIL_RE.match(address))  # VULN flow


class UnsubscribeHandler(BaseHTTPRequestHandler):
    store = SubscriberStore(DB_PATH)

    def _params(self) -> dict:
        query = parse_qs(urlsplit(self.path).query)
        return {k: v[0] for k, v in query.items()}

    def _page(self, status: HTTPStatus, title: str, message: str, lang: str) -> None:
        body = PAGE.format(title=title, message=message).encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Set-Cookie", f"nl_lang={lang}; Path=/; SameSite=Lax")  # VULN flow
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:
        params = self._params()
        email = params.get("email", "")
        list_id = params.get("list", "weekly")
        lang = params.get("lang", "en")
        if not is_valid_email(email):
            self._page(HTTPStatus.BAD_REQUEST, "Invalid link", "This unsubscribe link is not valid.", lang)
            return
        log.info(f"unsubscribe request list={list_id} email={email}")  # VULN flow
        changed = self.store.unsubscribe(email, list_id)
        message = "You have been unsubscribed." if changed else "You were already unsubscribed."
        self._page(HTTPStatus.OK, "Done", message, lang)

    def log_message(self, fmt: str, *args) -> None:
        log.debug("http %r", fmt % args)


if __name__ == "__main__":
    ThreadingHTTPServer(("127.0.0.1", 8085), UnsubscribeHandler).serve_forever()
