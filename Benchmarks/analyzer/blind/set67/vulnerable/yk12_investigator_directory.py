"""Investigator directory lookups backed by the trials LDAP server."""
import logging
import os
import ssl

from flask import Flask, abort, jsonify, request
from ldap3 import SUBTREE, Connection, Server, Tls
from ldap3.core.exceptions import LDAPException

app = Flask(__name__)
log = logging.getLogger("directory")

LDAP_URL = os.environ.get("LDAP_URL", "ldaps://ldap.trials.example.org")
BASE_DN = os.environ.get("LDAP_BASE_DN", "ou=people,dc=trials,dc=example,dc=org")
BIND_DN = os.environ["LDAP_BIND_DN"]
BIND_PW = os.environ["LDAP_BIND_PASSWORD"]
ATTRS = ["cn", "mail", "telephoneNumber", "departmentNumber", "title"]


def _connection():
    tls = Tls(validate=ssl.CERT_REQUIRED)
    server = Server(LDAP_URL, use_ssl=True, tls=tls)
    return Connection(server, user=BIND_DN, password=BIND_PW, auto_bind=True, read_only=True)


class DirectoryQuery:
    def __init__(self, site_code, name=None, role=None):
        self.site_code = site_code
        self.name = name
        self.role = role

    def to_filter(self):
        parts = ["(objectClass=inetOrgPerson)", f"(departmentNumber={self.site_code})"]
        if self.name:
            parts.append(f"(cn=*{self.name}*)")
        if self.role:
            parts.append(f"(title={self.role})")
        return "(&" + "".join(parts) + ")"


def _entry_to_dict(entry):
    return {attr: entry[attr].value for attr in ATTRS if attr in entry}


@app.get("/sites/<site_code>/investigators")
def investigators(site_code):
    query = DirectoryQuery(site_code, request.args.get("name"), request.args.get("role"))
    search_filter = query.to_filter()
    try:
        conn = _connection()
    except LDAPException:
        log.exception("LDAP bind failed")
        abort(503)
    try:
        conn.search(BASE_DN, search_filter, search_scope=SUBTREE, attributes=ATTRS, size_limit=200)  # VULN flow
        people = [_entry_to_dict(e) for e in conn.entries]
    finally:
        conn.unbind()
    return jsonify(site=site_code, investigators=people)
