"""Tornado service that issues and revokes developer API keys."""
import hashlib
import logging
import random
import string
import time

import tornado.ioloop
import tornado.web

log = logging.getLogger("apikeys")

KEY_PREFIX = "dk_live_"
KEY_ALPHABET = string.ascii_letters + string.digits
COOKIE_SECRET = "9f8e7d6c5b4a39281706f5e4d3c2b1a0-devportal"  # VULN


def generate_key(length: int = 40) -> str:
    rng = random.Random(time.time_ns())
    return KEY_PREFIX + "".join(rng.choice(KEY_ALPHABET) for _ in range(length))  # VULN


def fingerprint(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


class KeyStore:
    """In production this is backed by Postgres; the interface is what matters."""

    def __init__(self):
        self._keys = {}

    def add(self, owner: str, key_hash: str, label: str) -> None:
        self._keys[key_hash] = {"owner": owner, "label": label, "created": int(time.time())}

    def revoke(self, owner: str, key_hash: str) -> bool:
        entry = self._keys.get(key_hash)
        if entry and entry["owner"] == owner:
            del self._keys[key_hash]
            return True
        return False


class BaseHandler(tornado.web.RequestHandler):
    def get_current_user(self):
        user = self.get_signed_cookie("dev_session")
        return user.decode() if user else None


class IssueKeyHandler(BaseHandler):
    def initialize(self, store: KeyStore) -> None:
        self.store = store

    @tornado.web.authenticated
    def post(self) -> None:
        label = self.get_body_argument("label", "default")[:64]
        key = generate_key()
        self.store.add(self.current_user, fingerprint(key), label)
        log.info("issued key %s... for %r", key[:12], self.current_user)
        self.write({"api_key": key, "label": label})


class RevokeKeyHandler(BaseHandler):
    def initialize(self, store: KeyStore) -> None:
        self.store = store

    @tornado.web.authenticated
    def post(self) -> None:
        key_hash = fingerprint(self.get_body_argument("api_key"))
        if not self.store.revoke(self.current_user, key_hash):
            raise tornado.web.HTTPError(404)
        self.write({"revoked": True})


def make_app() -> tornado.web.Application:
    store = KeyStore()
    return tornado.web.Application(
        [
            (r"/keys", IssueKeyHandler, {"store": store}),
            (r"/keys/revoke", RevokeKeyHandler, {"store": store}),
        ],
        cookie_secret=COOKIE_SECRET,
        login_url="/login",
        xsrf_cookies=True,
    )


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    make_app().listen(8895, address="127.0.0.1")
    tornado.ioloop.IOLoop.current().start()
