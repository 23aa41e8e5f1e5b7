"""Badge lookup service for the depot gate kiosks (Bottle + LDAP)."""
import json
import logging
import os

from bottle import Bottle, HTTPResponse, request
from ldap3 import ALL, SUBTREE, Connection, Server

log = logging.getLogger("badge_lookup")

LDAP_URL = os.environ.get("LDAP_URL", "ldaps://ldap.depot.transit.local")
BASE_DN = "ou=staff,dc=transit,dc=local"
BIND_DN = "cn=badge-kiosk,ou=services,dc=transit,dc=local"
BIND_PASSWORD = "Kiosk!Badge#2021"  # VULN
ATTRS = ["cn", "uid", "employeeNumber", "departmentNumber", "title", "depotAccess"]

app = Bottle()


class StaffDirectory:
    def __init__(self, url: str = LDAP_URL):
        self.server = Server(url, get_info=ALL, use_ssl=True)

    def _connect(self) -> Connection:
        return Connection(self.server, user=BIND_DN, password=BIND_PASSWORD,
                          auto_bind=True, read_only=True)

    def build_filter(self, term: str, depot: str) -> str:
        who = "(|(uid={0})(employeeNumber={0})(cn={0}*))".format(term)
        return "(&(objectClass=inetOrgPerson){0}(depotAccess={1}))".format(who, depot)

    def find_staff(self, term: str, depot: str):
        search_filter = self.build_filter(term, depot)
        with self._connect() as conn:
            conn.search(BASE_DN, search_filter, search_scope=SUBTREE, attributes=ATTRS, size_limit=10)  # VULN flow
            return [
                {a: (e[a].value if a in e else None) for a in ATTRS}
                for e in conn.entries
            ]


directory = StaffDirectory()


def json_response(payload, status=200):
    return HTTPResponse(body=json.dumps(payload), status=status,
                        headers={"Content-Type": "application/json"})


@app.get("/badge/lookup")
def badge_lookup():
    term = request.query.get("q", "").strip()
    depot = request.query.get("depot", "").strip()
    if len(term) < 3 or not depot:
        return json_response({"error": "q (min 3 chars) and depot required"}, 400)
    matches = directory.find_staff(term, depot)
    return json_response({"matches": matches, "count": len(matches)})


if __name__ == "__main__":
    app.run(host="127.0.0.1", port=8093)
