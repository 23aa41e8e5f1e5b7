"""Driver directory lookups for the depot charging portal.

Depot supervisors scan a driver's badge at the charger kiosk; the kiosk asks
this service which driver (and which cost centre) the badge belongs to so the
session can be billed internally. Drivers live in the corporate LDAP.
"""
import logging
import os
from typing import List, Optional

from flask import Flask, abort, jsonify, request
from ldap3 import SUBTREE, Connection, Server
from ldap3.utils.conv import escape_filter_chars

app = Flask(__name__)
log = logging.getLogger("depot.directory")

LDAP_URL = os.environ.get("DEPOT_LDAP_URL", "ldaps://ldap.corp.example:636")
BASE_DN = "ou=drivers,ou=people,dc=corp,dc=example"
ATTRS = ["cn", "mail", "employeeNumber", "departmentNumber", "costCenter"]


def driver_filter(badge: str, depot: Optional[str] = None) -> str:
    parts = ["(objectClass=inetOrgPerson)", "(employeeNumber=%s)" % escape_filter_chars(badge)]
    if depot:
        parts.append(f"(departmentNumber={escape_filter_chars(depot)})")
    return "(&" + "".join(parts) + ")"


class DirectoryClient:
    def __init__(self, url: str, bind_dn: str, password: str):
        self.server = Server(url, use_ssl=True, connect_timeout=5)
        self.bind_dn = bind_dn
        self.password = password

    def find(self, search_filter: str, limit: int = 5) -> List[dict]:
        with Connection(self.server, self.bind_dn, self.password,
                        auto_bind=True, receive_timeout=10) as conn:
            conn.search(BASE_DN, search_filter, SUBTREE, attributes=ATTRS, size_limit=limit)
            return [e.entry_attributes_as_dict for e in conn.entries]


directory = DirectoryClient(
    LDAP_URL,
    os.environ.get("DEPOT_LDAP_BIND_DN", "cn=depot-kiosk,ou=services,dc=corp,dc=example"),
    os.environ.get("DEPOT_LDAP_PASSWORD", ""),
)


@app.get("/kiosk/drivers/lookup")
def lookup_driver():
    badge = request.args.get("badge", "").strip()
    depot = request.args.get("depot")
    if not badge:
        abort(400)
    matches = directory.find(driver_filter(badge, depot))
    if not matches:
        log.info("no driver for badge %r at depot %r", badge, depot)
        abort(404)
    if len(matches) > 1:
        log.warning("ambiguous badge %r (%d matches)", badge, len(matches))
    d = matches[0]
    return jsonify(
        name=(d.get("cn") or [""])[0],
        email=(d.get("mail") or [""])[0],
        cost_center=(d.get("costCenter") or [""])[0],
        depot=(d.get("departmentNumber") or [""])[0],
    )
