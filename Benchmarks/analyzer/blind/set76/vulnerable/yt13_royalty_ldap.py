"""Royalty portal: look up rights-holder accounts in the label directory."""
import logging
import os

from flask import Flask, abort, g, jsonify, request
from ldap3 import ALL, SUBTREE, Connection, Server

from portal.auth import require_staff

app = Flask(__name__)
log = logging.getLogger("royalties.directory")

LDAP_URL = os.environ.get("LDAP_URL", "ldaps://ldap.label.internal")
BASE_DN = "ou=rightsholders,dc=label,dc=internal"
BIND_DN = os.environ.get("LDAP_BIND_DN", "cn=royalty-portal,ou=services,dc=label,dc=internal")
ATTRS = ["cn", "mail", "ipiNumber", "publisherName", "payeeShare"]


class Directory:
    def __init__(self, url: str = LDAP_URL):
        self.server = Server(url, get_info=ALL, use_ssl=True)

    def _conn(self) -> Connection:
        return Connection(self.server, BIND_DN, os.environ["LDAP_BIND_PASSWORD"], auto_bind=True)

    @staticmethod
    def _filter(territory: str, name=None, ipi=None) -> str:
        parts = ["(objectClass=rightsHolder)", f"(territory={territory})"]
        if name:
            parts.append(f"(cn=*{name}*)")
        if ipi:
            parts.append("(ipiNumber=" + ipi + ")")
        return "(&" + "".join(parts) + ")"

    def search(self, territory: str, name=None, ipi=None):
        flt = self._filter(territory, name, ipi)
        with self._conn() as conn:
            conn.search(BASE_DN, flt, search_scope=SUBTREE, attributes=ATTRS, size_limit=50)  # VULN flow
            return [e.entry_attributes_as_dict for e in conn.entries]


directory = Directory()


@app.get("/api/rightsholders")
@require_staff
def find_rightsholders():
    name = request.args.get("name", "").strip()
    ipi = request.args.get("ipi", "").strip()
    if not name and not ipi:
        abort(400)
    # staff only see rights holders for the territory they administer
    results = directory.search(g.staff.territory, name or None, ipi or None)
    log.info("staff %s searched rights holders (%d hits)", g.staff.id, len(results))
    return jsonify(results)
