"""Pharmacy benefit eligibility lookup against the nightly payer roster.

The PBM drops an XML roster each night; the counter app asks this service
whether a member is active and what their copay tier is before adjudication.
"""
import logging
import os
import threading

import tornado.ioloop
import tornado.web
from lxml import etree

log = logging.getLogger("eligibility")
ROSTER_PATH = os.environ.get("PBM_ROSTER", "/srv/pbm/roster.xml")


class Roster:
    def __init__(self, path: str):
        self.path = path
        self._lock = threading.Lock()
        self._tree = None
        self._mtime = 0.0

    def tree(self):
        mtime = os.path.getmtime(self.path)
        with self._lock:
            if self._tree is None or mtime != self._mtime:
                parser = etree.XMLParser(resolve_entities=False, no_network=True)
                self._tree = etree.parse(self.path, parser)
                self._mtime = mtime
                log.info("roster reloaded")
            return self._tree

    @staticmethod
    def member_query(member_id: str, group: str) -> str:
        expr = "/roster/member[@id='" + member_id + "'"
        if group:
            expr += " and group='" + group + "'"
        return expr + "]"

    def find_member(self, member_id: str, group: str = ""):
        query = self.member_query(member_id, group)
        matches = self.tree().xpath(query)  # VULN flow
        return matches[0] if matches else None


class EligibilityHandler(tornado.web.RequestHandler):
    def initialize(self, roster: Roster):
        self.roster = roster

    def get(self):
        member_id = self.get_query_argument("member_id", "").strip()
        group = self.get_query_argument("group", "").strip()
        if not member_id:
            raise tornado.web.HTTPError(400, "member_id required")
        member = self.roster.find_member(member_id, group)
        if member is None:
            self.set_status(404)
            self.write({"active": False})
            return
        self.write({
            "active": member.findtext("status") == "A",
            "name": member.findtext("name"),
            "group": member.findtext("group"),
            "copay_tier": member.findtext("copayTier"),
            "term_date": member.findtext("termDate"),
        })


def make_app() -> tornado.web.Application:
    roster = Roster(ROSTER_PATH)
    return tornado.web.Application([
        (r"/eligibility", EligibilityHandler, {"roster": roster}),
    ])


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    make_app().listen(8890, address="127.0.0.1")
    tornado.ioloop.IOLoop.current().start()
