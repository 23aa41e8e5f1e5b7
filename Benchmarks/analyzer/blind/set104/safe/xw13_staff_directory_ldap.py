"""Staff directory lookup for the intranet, backed by the institution's LDAP.

Only entries under ou=staff with objectClass=inetOrgPerson are meant to be
visible; service and volunteer accounts live in the same tree.
"""
import logging
import os
from typing import Optional

from flask import Flask, abort, jsonify, request
from ldap3 import SUBTREE, Connection, Server
from ldap3.utils.conv import escape_filter_chars

app = Flask(__name__)
log = logging.getLogger("directory")

LDAP_URL = os.environ.get("LDAP_URL", "ldaps://ldap.museum.internal")
BASE_DN = os.environ.get("LDAP_BASE_DN", "dc=museum,dc=org")
BIND_DN = os.environ.get("LDAP_BIND_DN")
BIND_PW = os.environ.get("LDAP_BIND_PASSWORD")
ATTRS = ["cn", "mail", "title", "departmentNumber", "telephoneNumber", "roomNumber"]


class DirectoryQuery:
    def __init__(self, name: str, department: Optional[str] = None):
        self.name = escape_filter_chars(name)
        self.department = escape_filter_chars(department) if department else None

    def ldap_filter(self) -> str:
        parts = [
            "(objectClass=inetOrgPerson)",
            "(ou:dn:=staff)",
            f"(|(cn=*{self.name}*)(sn={self.name}*)(mail={self.name}*))",
        ]
        if self.department:
            parts.append(f"(departmentNumber={self.department})")
        return "(&" + "".join(parts) + ")"


def connect() -> Connection:
    server = Server(LDAP_URL, use_ssl=True, connect_timeout=5)
    return Connection(server, BIND_DN, BIND_PW, auto_bind=True, read_only=True, receive_timeout=10)


@app.get("/directory")
def directory():
    name = request.args.get("q", "").strip()
    if len(name) < 2:
        abort(400, "query too short")
    query = DirectoryQuery(name, request.args.get("dept"))
    search_filter = query.ldap_filter()
    conn = connect()
    try:
        conn.search(BASE_DN, search_filter, search_scope=SUBTREE,
                    attributes=ATTRS, size_limit=50)
        people = [
            {attr: entry[attr].value for attr in ATTRS if attr in entry}
            for entry in conn.entries
        ]
    finally:
        conn.unbind()
    log.info("directory search %r returned %d entries", name, len(people))
    return jsonify(results=people)
