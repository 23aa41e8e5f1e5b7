"""Falcon HTTP front for PPPoE subscriber authentication (called by the BNG's RADIUS shim)."""
import hashlib
import hmac
import logging
import os

import falcon

audit = logging.getLogger("aaa.audit")
logging.basicConfig(filename=os.environ.get("AAA_AUDIT_LOG", "/var/log/aaa/audit.log"),
                    format="%(asctime)s %(levelname)s %(message)s", level=logging.INFO)

PBKDF2_ROUNDS = 200_000


class SubscriberStore:
    def __init__(self, conn):
        self.conn = conn

    def credentials(self, username: str):
        cur = self.conn.cursor()
        cur.execute("SELECT salt, pw_hash, profile, suspended FROM subscribers WHERE username = %s",
                    (username,))
        return cur.fetchone()


def verify_password(password: str, salt: bytes, expected: bytes) -> bool:
    digest = hashlib.pbkdf2_hmac("sha256", password.encode(), salt, PBKDF2_ROUNDS)
    return hmac.compare_digest(digest, expected)


class AuthResource:
    def __init__(self, store: SubscriberStore):
        self.store = store

    def on_post(self, req, resp):
        body = req.get_media() or {}
        username = str(body.get("username", ""))
        password = str(body.get("password", ""))
        nas_ip = str(body.get("nas_ip", req.remote_addr))
        calling_station = body.get("calling_station_id", "unknown")

        row = self.store.credentials(username)
        if row is None or not verify_password(password, bytes(row[0]), bytes(row[1])):
            audit.warning("Access-Reject user=" + username + " nas=" + nas_ip)  # VULN flow
            resp.status = falcon.HTTP_403
            resp.media = {"result": "reject"}
            return
        if row[3]:
            audit.warning(f"Access-Reject suspended user={username} csid={calling_station}")  # VULN flow
            resp.status = falcon.HTTP_403
            resp.media = {"result": "reject", "reason": "suspended"}
            return

        audit.info("Access-Accept user=%r profile=%s", username, row[2])
        resp.media = {"result": "accept", "profile": row[2]}


def create_app(conn) -> falcon.App:
    app = falcon.App()
    app.add_route("/aaa/authenticate", AuthResource(SubscriberStore(conn)))
    return app
