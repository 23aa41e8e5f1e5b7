"""Election staff directory lookups against the county Active Directory.

Used by the elections office intranet to find precinct captains, warehouse
crews and board-of-canvassers members by name or role.
"""
import logging
import os
from typing import Optional

from flask import Flask, abort, jsonify, request
from ldap3 import SUBTREE, Connection, Server

app = Flask(__name__)
log = logging.getLogger("staff_directory")

LDAP_URL = os.environ.get("LDAP_URL", "ldaps://ad.county.example.gov")
BASE_DN = "OU=Elections,OU=Departments,DC=county,DC=example,DC=gov"
BIND_DN = os.environ.get("LDAP_BIND_DN", "")
BIND_PW = os.environ.get("LDAP_BIND_PASSWORD", "")
ATTRS = ["cn", "mail", "title", "telephoneNumber", "physicalDeliveryOfficeName"]


class Directory:
    def __init__(self, url: str = LDAP_URL):
        self.server = Server(url, use_ssl=True, connect_timeout=5)

    def _connect(self) -> Connection:
        return Connection(self.server, user=BIND_DN, password=BIND_PW, auto_bind=True, receive_timeout=10)

    @staticmethod
    def _to_dict(entry) -> dict:
        return {attr: str(entry[attr]) if attr in entry else None for attr in ATTRS}

    def build_filter(self, name: str, role: Optional[str]) -> str:
        parts = ["(objectClass=user)", f"(|(cn=*{name}*)(sAMAccountName={name}))"]
        if role:
            parts.append(f"(title={role})")
        return "(&" + "".join(parts) + ")"

    def find_staff(self, name: str, role: Optional[str] = None) -> list:
        query = self.build_filter(name, role)
        with self._connect() as conn:
            conn.search(BASE_DN, query, search_scope=SUBTREE, attributes=ATTRS, size_limit=25)  # VULN flow
            return [self._to_dict(e) for e in conn.entries]


directory = Directory()


@app.get("/intranet/staff")
def staff_lookup():
    name = request.args.get("name", "").strip()
    role = request.args.get("role") or None
    if len(name) < 2:
        abort(400, "name must be at least two characters")
    try:
        people = directory.find_staff(name, role)
    except Exception:
        log.exception("directory lookup failed")
        abort(503, "directory unavailable")
    return jsonify(count=len(people), staff=people)
