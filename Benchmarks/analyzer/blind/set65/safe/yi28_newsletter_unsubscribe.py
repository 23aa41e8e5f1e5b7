"""One-click unsubscribe endpoint linked from newsletter footers (Falcon)."""
import hashlib
import hmac
import logging
import os
import sqlite3

import falcon

log = logging.getLogger("newsletters.unsubscribe")

DB_PATH = os.environ.get("NEWSLETTER_DB", "/var/lib/newsletters/subs.sqlite3")
LINK_SECRET = os.environ["UNSUBSCRIBE_LINK_SECRET"].encode()
DEFAULT_LIST = "daily-briefing"


def link_token(email: str) -> str:
    return hmac.new(LINK_SECRET, email.encode("utf-8"), hashlib.sha256).hexdigest()


def verify_token(email: str, token: str) -> bool:
    return bool(token) and hmac.compare_digest(link_token(email), token)


class UnsubscribeResource:
    def __init__(self, db_path: str):
        self.db_path = db_path

    def _deactivate(self, email: str, list_id: str) -> int:
        sql = (
            "UPDATE subscriptions SET active = 0, unsubscribed_at = CURRENT_TIMESTAMP "
            "WHERE email = ? AND list_id = ? AND active = 1"
        )
        with sqlite3.connect(self.db_path) as conn:
            cur = conn.execute(sql, (email, list_id))
            return cur.rowcount

    def on_post(self, req: falcon.Request, resp: falcon.Response):
        email = (req.get_param("email") or "").strip().lower()
        list_id = req.get_param("list", default=DEFAULT_LIST)
        token = req.get_param("token") or ""
        log.info("unsubscribe request email=%r list=%r", email, list_id)
        if not verify_token(email, token):
            raise falcon.HTTPForbidden(title="Invalid link", description="This link is not valid.")
        changed = self._deactivate(email, list_id)
        resp.media = {"unsubscribed": bool(changed), "list": list_id}

    on_get = on_post  # mail clients sometimes prefetch with GET; RFC 8058 wants POST


class HealthResource:
    def on_get(self, req, resp):
        resp.media = {"ok": True}


def create_app() -> falcon.App:
    app = falcon.App()
    app.req_options.auto_parse_form_urlencoded = True
    app.add_route("/unsubscribe", UnsubscribeResource(DB_PATH))
    app.add_route("/healthz", HealthResource())
    return app


app = create_app()
