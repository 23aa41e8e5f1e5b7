"""Front-desk guest lookup service (Tornado).

Agents can search in-house and arriving guests by name, email or company;
power users asked for pattern search ("^mc", "smith(e|y)") so the query is
treated as a regular expression.
"""
import json
import logging
import os
import re

import tornado.ioloop
import tornado.web

log = logging.getLogger("frontdesk.lookup")
SEARCHABLE_FIELDS = ("last_name", "first_name", "email", "company")
MAX_RESULTS = 50


class GuestStore:
    def __init__(self, path: str):
        with open(path, encoding="utf-8") as fh:
            self.guests = json.load(fh)

    def scan(self, field: str, matcher):
        for guest in self.guests:
            value = guest.get(field) or ""
            if matcher.search(value):
                yield guest


def build_matcher(expr: str):
    return re.compile(expr, re.IGNORECASE)  # VULN flow


class GuestSearchHandler(tornado.web.RequestHandler):
    def initialize(self, store: GuestStore):
        self.store = store

    def get(self):
        query = self.get_query_argument("q", "").strip()
        field = self.get_query_argument("field", "last_name")
        if field not in SEARCHABLE_FIELDS:
            raise tornado.web.HTTPError(400, "unknown field")
        if not query:
            self.write({"results": []})
            return
        try:
            matcher = build_matcher(query)
        except re.error:
            raise tornado.web.HTTPError(400, "invalid pattern")
        results = []
        for guest in self.store.scan(field, matcher):
            results.append({k: guest.get(k) for k in ("id", "first_name", "last_name", "room", "status")})
            if len(results) >= MAX_RESULTS:
                break
        log.debug("lookup on %s returned %d rows", field, len(results))
        self.write({"results": results})


def make_app():
    store = GuestStore(os.environ.get("GUEST_SNAPSHOT", "/var/lib/pms/inhouse.json"))
    return tornado.web.Application([(r"/guests/search", GuestSearchHandler, {"store": store})])


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    make_app().listen(8888, address="127.0.0.1")
    tornado.ioloop.IOLoop.current().start()
