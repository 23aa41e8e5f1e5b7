"""Small internal DNS admin panel: lookups and zone serial checks."""
import json
import logging
import os
import subprocess

import tornado.ioloop
import tornado.web

log = logging.getLogger("dnsadmin")

RESOLVER = os.environ.get("DNSADMIN_RESOLVER", "10.20.0.53")
ZONE_DIR = os.environ.get("DNSADMIN_ZONES", "/etc/bind/zones")
FORBIDDEN_CHARS = (";", "&", "|", "`", ">", "<")


def valid_lookup_name(value):
    return value and not any(ch in value for ch in FORBIDDEN_CHARS)


def run_dig(name, rtype):
    cmd = f"dig +short {name} {rtype} @{RESOLVER}"
    log.debug("running %r", cmd)
    return subprocess.check_output(cmd, shell=True, text=True, timeout=10)  # VULN flow


class BaseHandler(tornado.web.RequestHandler):
    def get_current_user(self):
        return self.get_secure_cookie("dnsadmin_user")

    def write_json(self, payload, status=200):
        self.set_status(status)
        self.set_header("Content-Type", "application/json")
        self.finish(json.dumps(payload))


class LookupHandler(BaseHandler):
    @tornado.web.authenticated
    def get(self):
        name = self.get_argument("name")
        rtype = self.get_argument("type", "A").upper()
        if not valid_lookup_name(name):
            return self.write_json({"error": "invalid name"}, 400)
        try:
            answer = run_dig(name, rtype)
        except subprocess.CalledProcessError as exc:
            return self.write_json({"error": f"dig failed ({exc.returncode})"}, 502)
        self.write_json({"name": name, "type": rtype, "answer": answer.split()})


class SerialHandler(BaseHandler):
    @tornado.web.authenticated
    def get(self, zone):
        path = os.path.join(ZONE_DIR, f"db.{os.path.basename(zone)}")
        if not os.path.exists(path):
            raise tornado.web.HTTPError(404)
        out = subprocess.check_output(["named-checkzone", zone, path], text=True, timeout=10)
        serial = next((ln.split()[-1] for ln in out.splitlines() if "serial" in ln), None)
        self.write_json({"zone": zone, "serial": serial})


def make_app():
    return tornado.web.Application(
        [(r"/lookup", LookupHandler), (r"/zones/([a-z0-9][a-z0-9.-]*)/serial", SerialHandler)],
        cookie_secret=os.environ["DNSADMIN_COOKIE_SECRET"],
        login_url="/login",
        xsrf_cookies=True,
    )


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    make_app().listen(8053, address="127.0.0.1")
    tornado.ioloop.IOLoop.current().start()
