"""Public staff directory lookup backed by the county Active Directory."""
import logging
import os

from flask import Flask, jsonify, request
from ldap3 import ALL, SUBTREE, Connection, Server
from ldap3.utils.conv import escape_filter_chars

app = Flask(__name__)
log = logging.getLogger("directory")

LDAP_URL = os.environ.get("LDAP_URL", "ldaps://dc01.county.local")
BASE_DN = "OU=Staff,DC=county,DC=local"
BIND_DN = "CN=svc-directory,OU=Service Accounts,DC=county,DC=local"
BIND_PASSWORD = os.environ["LDAP_BIND_PASSWORD"]
PUBLIC_ATTRS = ["cn", "title", "department", "telephoneNumber", "mail"]


def ldap_connection() -> Connection:
    server = Server(LDAP_URL, get_info=ALL, connect_timeout=5)
    return Connection(server, user=BIND_DN, password=BIND_PASSWORD, auto_bind=True, receive_timeout=10)


def build_filter(name: str, department: str) -> str:
    parts = ["(objectClass=user)", "(!(userAccountControl:1.2.840.113556.1.4.803:=2))"]
    if name:
        name = escape_filter_chars(name)
        parts.append(f"(|(cn=*{name}*)(sn={name}*)(givenName={name}*))")
    if department:
        parts.append(f"(department={escape_filter_chars(department)})")
    return "(&" + "".join(parts) + ")"


def entry_to_dict(entry) -> dict:
    return {attr: str(entry[attr].value or "") for attr in PUBLIC_ATTRS if attr in entry}


@app.route("/directory/search")
def directory_search():
    name = request.args.get("name", "").strip()
    department = request.args.get("department", "").strip()
    if len(name) < 2 and not department:
        return jsonify(error="enter at least two letters of a name or pick a department"), 400
    ldap_filter = build_filter(name, department)
    with ldap_connection() as conn:
        conn.search(BASE_DN, ldap_filter, search_scope=SUBTREE, attributes=PUBLIC_ATTRS, size_limit=50)
        results = [entry_to_dict(e) for e in conn.entries]
    log.info("directory search returned %d entries", len(results))
    return jsonify(results=results)


@app.route("/directory/departments")
def departments():
    with ldap_connection() as conn:
        conn.search(BASE_DN, "(&(objectClass=user)(department=*))", search_scope=SUBTREE, attributes=["department"])
        names = sorted({str(e.department.value) for e in conn.entries if e.department.value})
    return jsonify(departments=names)
