"""Door controller daemon: badge readers connect and ask whether to unlock."""
import hashlib
import hmac
import json
import logging
import os
import socketserver
import threading
import time

log = logging.getLogger("access.doors")

BADGE_FILE = os.environ.get("ACCESS_BADGES", "/etc/access/badges.json")
LISTEN = (os.environ.get("ACCESS_HOST", "127.0.0.1"), int(os.environ.get("ACCESS_PORT", "7400")))
MAINTENANCE_PIN_HASH = os.environ.get("ACCESS_MAINT_PIN_HASH", "")
MAINTENANCE_PIN_SALT = bytes.fromhex(os.environ.get("ACCESS_MAINT_PIN_SALT", ""))
PBKDF2_ROUNDS = 310_000


def hash_badge_secret(secret, salt):
    return hashlib.pbkdf2_hmac("sha256", secret.encode("utf-8"), salt, PBKDF2_ROUNDS).hex()


class BadgeStore:
    def __init__(self, path):
        self.path = path
        self._lock = threading.Lock()
        self._badges = {}
        self.reload()

    def reload(self):
        with open(self.path) as fh:
            data = json.load(fh)
        with self._lock:
            self._badges = {b["badge_id"]: b for b in data["badges"]}
        log.info("loaded %d badges", len(self._badges))

    def get(self, badge_id):
        with self._lock:
            return self._badges.get(badge_id)


STORE = BadgeStore(BADGE_FILE)


def maintenance_pin_ok(secret):
    if not MAINTENANCE_PIN_HASH or not MAINTENANCE_PIN_SALT:
        return False
    candidate = hash_badge_secret(secret, MAINTENANCE_PIN_SALT)
    return hmac.compare_digest(candidate, MAINTENANCE_PIN_HASH)


class AccessHandler(socketserver.StreamRequestHandler):
    def handle(self):
        line = self.rfile.readline(512).decode("utf-8", "replace").strip()
        try:
            badge_id, secret, door = line.split(":", 2)
        except ValueError:
            self.wfile.write(b"ERR malformed\n")
            return
        if badge_id == "MAINT" and maintenance_pin_ok(secret):
            log.warning("maintenance override used on door %r", door)
            self.wfile.write(b"OPEN\n")
            return
        record = STORE.get(badge_id)
        if record is None or not hmac.compare_digest(
                record["hash"], hash_badge_secret(secret, bytes.fromhex(record["salt"]))):
            log.info("denied badge %r at %r: bad credentials", badge_id, door)
            self.wfile.write(b"DENY\n")
            return
        if door not in record["doors"]:
            log.info("denied badge %r at %r: door not permitted", badge_id, door)
            self.wfile.write(b"DENY\n")
            return
        log.info("badge %r opened %r at %s", badge_id, door, time.strftime("%H:%M:%S"))
        self.wfile.write(b"OPEN\n")


class ThreadedServer(socketserver.ThreadingMixIn, socketserver.TCPServer):
    allow_reuse_address = True
    daemon_threads = True


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    with ThreadedServer(LISTEN, AccessHandler) as server:
        log.info("door controller listening on %s:%s", *LISTEN)
        server.serve_forever()
