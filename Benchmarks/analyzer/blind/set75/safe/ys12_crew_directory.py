"""Crew directory lookup against the corporate Active Directory.

Site supervisors use it to find operatives by trade and name when building
the weekly labour allocation.
"""
import logging
import os
import ssl

from flask import Flask, jsonify, request
from ldap3 import Connection, Server, SUBTREE, Tls
from ldap3.utils.conv import escape_filter_chars

app = Flask(__name__)
log = logging.getLogger("crewdir")

LDAP_URL = "ldaps://dc01.corp.example-build.com"
SEARCH_BASE = "OU=Operatives,DC=corp,DC=example-build,DC=com"
BIND_DN = "CN=svc-crewdir,OU=Service Accounts,DC=corp,DC=example-build,DC=com"
BIND_PASSWORD = os.environ["CREWDIR_BIND_PASSWORD"]
ATTRS = ["displayName", "department", "title", "mobile", "mail", "employeeID"]


def connect() -> Connection:
    tls = Tls(validate=ssl.CERT_REQUIRED, version=ssl.PROTOCOL_TLS_CLIENT)
    server = Server(LDAP_URL, use_ssl=True, tls=tls, connect_timeout=5)
    return Connection(server, user=BIND_DN, password=BIND_PASSWORD, auto_bind=True,
                      receive_timeout=10)


def build_filter(trade: str, name: str) -> str:
    clauses = [
        "(objectClass=user)",
        "(!(userAccountControl:1.2.840.113556.1.4.803:=2))",
    ]
    if trade:
        clauses.append(f"(department={escape_filter_chars(trade)})")
    if name:
        clauses.append(f"(displayName=*{escape_filter_chars(name)}*)")
    return "(&" + "".join(clauses) + ")"


def _entry_to_dict(entry) -> dict:
    return {attr: (entry[attr].value if attr in entry else None) for attr in ATTRS}


@app.route("/api/crew")
def crew_lookup():
    trade = request.args.get("trade", "").strip()
    name = request.args.get("name", "").strip()
    if not trade and not name:
        return jsonify({"error": "trade or name required"}), 400
    search_filter = build_filter(trade, name)
    with connect() as conn:
        conn.search(SEARCH_BASE, search_filter, search_scope=SUBTREE,
                    attributes=ATTRS, size_limit=200)
        results = [_entry_to_dict(e) for e in conn.entries]
    log.info("crew lookup returned %d entries", len(results))
    return jsonify(results)
