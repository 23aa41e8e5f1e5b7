"""Tornado service used by the helpdesk UI to look up employees in Active Directory."""
import json
import logging
import os

import ldap
import ldap.filter
import tornado.ioloop
import tornado.web

log = logging.getLogger("dirlookup")

LDAP_URI = os.environ.get("LDAP_URI", "ldaps://dc01.corp.example.net")
BIND_DN = os.environ["LDAP_BIND_DN"]
BIND_PW = os.environ["LDAP_BIND_PASSWORD"]
BASE_DN = "OU=Staff,DC=corp,DC=example,DC=net"
ATTRS = ["sAMAccountName", "displayName", "mail", "department", "telephoneNumber"]


class Directory:
    def __init__(self):
        self.conn = ldap.initialize(LDAP_URI)
        self.conn.set_option(ldap.OPT_REFERRALS, 0)
        self.conn.simple_bind_s(BIND_DN, BIND_PW)

    @staticmethod
    def build_filter(term: str, department: str = "") -> str:
        term = ldap.filter.escape_filter_chars(term)
        clauses = [f"(|(sAMAccountName={term}*)(displayName=*{term}*)(mail={term}*))"]
        if department:
            clauses.append(f"(department={ldap.filter.escape_filter_chars(department)})")
        return "(&(objectCategory=person)(objectClass=user)" + "".join(clauses) + ")"

    def search(self, term: str, department: str = "") -> list:
        flt = self.build_filter(term, department)
        results = self.conn.search_s(BASE_DN, ldap.SCOPE_SUBTREE, flt, ATTRS)
        people = []
        for dn, entry in results:
            if dn is None:
                continue
            people.append({k: v[0].decode() for k, v in entry.items() if v})
        return people[:50]


class LookupHandler(tornado.web.RequestHandler):
    def initialize(self, directory: Directory):
        self.directory = directory

    def get(self):
        term = self.get_argument("q", "").strip()
        dept = self.get_argument("department", "")
        if len(term) < 2:
            raise tornado.web.HTTPError(400, "query too short")
        try:
            people = self.directory.search(term, dept)
        except ldap.LDAPError as exc:
            log.error("ldap search failed: %s", exc)
            raise tornado.web.HTTPError(502)
        self.set_header("Content-Type", "application/json")
        self.write(json.dumps({"results": people}))


def make_app() -> tornado.web.Application:
    directory = Directory()
    return tornado.web.Application([(r"/api/people", LookupHandler, {"directory": directory})])


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    make_app().listen(8088, address="127.0.0.1")
    tornado.ioloop.IOLoop.current().start()
