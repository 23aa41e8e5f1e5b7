"""Employee directory lookup API backed by the corporate LDAP server."""
import logging
import os

from flask import Flask, jsonify, request
from ldap3 import ALL, SUBTREE, Connection, Server
from ldap3.utils.conv import escape_filter_chars

app = Flask(__name__)
log = logging.getLogger("directory")

LDAP_URL = os.environ.get("LDAP_URL", "ldaps://ldap.corp.example.com")
BASE_DN = "ou=people,dc=corp,dc=example,dc=com"
BIND_DN = "cn=svc-directory,ou=services,dc=corp,dc=example,dc=com"
BIND_PASSWORD = os.environ["LDAP_BIND_PASSWORD"]
ATTRS = ["cn", "mail", "title", "department", "telephoneNumber"]


def ldap_connection() -> Connection:
    server = Server(LDAP_URL, get_info=ALL, use_ssl=True)
    return Connection(server, user=BIND_DN, password=BIND_PASSWORD, auto_bind=True, read_only=True)


def build_filter(name: str, department: str = "") -> str:
    name = escape_filter_chars(name)
    parts = ["(objectClass=inetOrgPerson)", f"(|(cn=*{name}*)(mail={name}*))"]
    if department:
        parts.append(f"(department={escape_filter_chars(department)})")
    return "(&" + "".join(parts) + ")"


def entry_to_dict(entry) -> dict:
    return {attr: (entry[attr].value if attr in entry else None) for attr in ATTRS}


@app.get("/api/people")
def people():
    name = request.args.get("name", "").strip()
    dept = request.args.get("department", "").strip()
    if len(name) < 2:
        return jsonify(error="name must be at least 2 characters"), 400
    search_filter = build_filter(name, dept)
    with ldap_connection() as conn:
        conn.search(BASE_DN, search_filter, search_scope=SUBTREE, attributes=ATTRS, size_limit=50)
        results = [entry_to_dict(e) for e in conn.entries]
    log.info("directory search returned %d entries", len(results))
    return jsonify(results=results)


@app.get("/api/people/<uid>")
def person(uid):
    with ldap_connection() as conn:
        conn.search(BASE_DN, f"(uid={escape_filter_chars(uid)})", search_scope=SUBTREE, attributes=ATTRS)
        if not conn.entries:
            return jsonify(error="not found"), 404
        return jsonify(entry_to_dict(conn.entries[0]))
