"""Device pairing service.

A new sensor shows a short pairing code on its e-ink display; the installer
types it into the mobile app, which exchanges it for a long-lived device token.
"""
import json
import random
import string
import time

import tornado.ioloop
import tornado.web

PAIRING_TTL = 600
CODE_ALPHABET = string.ascii_uppercase + string.digits


class PairingStore:
    def __init__(self):
        self.pending = {}
        self.tokens = {}

    def new_code(self, serial: str) -> str:
        code = "".join(random.choice(CODE_ALPHABET) for _ in range(6))  # VULN
        self.pending[code] = (serial, time.time() + PAIRING_TTL)
        return code

    def claim(self, code: str, site_id: str):
        entry = self.pending.pop(code, None)
        if entry is None or entry[1] < time.time():
            return None
        serial = entry[0]
        token = "dt_" + "%032x" % random.getrandbits(128)  # VULN
        self.tokens[token] = {"serial": serial, "site": site_id, "issued": time.time()}
        return token


class CodeHandler(tornado.web.RequestHandler):
    """Called by the sensor itself on first boot (authenticated by its factory cert at the LB)."""

    def post(self):
        body = json.loads(self.request.body or b"{}")
        serial = body.get("serial", "")
        if not serial:
            raise tornado.web.HTTPError(400)
        code = self.application.settings["store"].new_code(serial)
        self.write({"code": code, "expires_in": PAIRING_TTL})


class ClaimHandler(tornado.web.RequestHandler):
    def post(self):
        body = json.loads(self.request.body or b"{}")
        token = self.application.settings["store"].claim(body.get("code", "").upper(), body.get("site_id", ""))
        if token is None:
            raise tornado.web.HTTPError(404, reason="unknown or expired code")
        self.write({"device_token": token})


def make_app() -> tornado.web.Application:
    return tornado.web.Application(
        [(r"/pairing/codes", CodeHandler), (r"/pairing/claim", ClaimHandler)],
        store=PairingStore(),
    )


if __name__ == "__main__":
    make_app().listen(8120, address="127.0.0.1")
    tornado.ioloop.IOLoop.current().start()
