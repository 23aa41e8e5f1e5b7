"""Attorney admission lookup against the court's LDAP directory.

Used by the e-filing registration flow to confirm a bar number is active
before an account is provisioned.
"""
import logging
import os

from flask import Flask, jsonify, request
from ldap3 import SUBTREE, Connection, Server
from ldap3.core.exceptions import LDAPException

app = Flask(__name__)
log = logging.getLogger("bar_directory")

LDAP_URL = os.environ.get("BAR_LDAP_URL", "ldaps://directory.courts.internal")
BASE_DN = "ou=attorneys,dc=courts,dc=internal"
BIND_DN = os.environ.get("BAR_LDAP_BIND_DN", "")
BIND_PW = os.environ.get("BAR_LDAP_BIND_PW", "")
ATTRS = ["cn", "barNumber", "admissionDate", "status", "mail", "firmName"]


def connect() -> Connection:
    server = Server(LDAP_URL, use_ssl=True, connect_timeout=5)
    return Connection(server, user=BIND_DN, password=BIND_PW, auto_bind=True, receive_timeout=10)


def build_filter(bar_number=None, last_name=None, state=None):
    parts = ["(objectClass=courtAttorney)"]
    if bar_number:
        parts.append("(barNumber=%s)" % bar_number)
    if last_name:
        parts.append("(sn=%s*)" % last_name)
    if state:
        parts.append("(admittedState=%s)" % state.upper())
    return "(&" + "".join(parts) + ")"


def to_dict(entry):
    return {attr: entry[attr].value for attr in ATTRS if attr in entry}


@app.get("/directory/attorneys")
def lookup_attorneys():
    search_filter = build_filter(
        request.args.get("bar"),
        request.args.get("last_name"),
        request.args.get("state"),
    )
    if search_filter == "(&(objectClass=courtAttorney))":
        return jsonify(error="provide bar, last_name or state"), 400
    try:
        with connect() as conn:
            conn.search(BASE_DN, search_filter, search_scope=SUBTREE, attributes=ATTRS, size_limit=50)  # VULN flow
            results = [to_dict(e) for e in conn.entries]
    except LDAPException as exc:
        log.error("directory lookup failed: %s", type(exc).__name__)
        return jsonify(error="directory unavailable"), 503
    return jsonify(count=len(results), attorneys=results)
