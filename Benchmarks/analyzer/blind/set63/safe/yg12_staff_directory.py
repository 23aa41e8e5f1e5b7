"""Stadium staff directory lookups backed by the venue LDAP."""
import logging
import os

from flask import Flask, abort, jsonify, request
from ldap3 import ALL, SUBTREE, Connection, Server
from ldap3.utils.conv import escape_filter_chars

app = Flask(__name__)
log = logging.getLogger("staff.directory")

LDAP_URL = os.environ.get("LDAP_URL", "ldaps://ldap.arena.internal")
BASE_DN = "ou=staff,dc=arena,dc=internal"
BIND_DN = "cn=directory-reader,ou=service,dc=arena,dc=internal"
BIND_PASSWORD = os.environ["LDAP_BIND_PASSWORD"]

ATTRS = ["cn", "mail", "title", "telephoneNumber", "departmentNumber"]


def _connect() -> Connection:
    server = Server(LDAP_URL, get_info=ALL, use_ssl=True)
    return Connection(server, BIND_DN, BIND_PASSWORD, auto_bind=True, read_only=True)


def build_filter(name: str, department=None) -> str:
    name = escape_filter_chars(name)
    parts = [f"(|(cn=*{name}*)(uid={name}))"]
    if department:
        parts.append(f"(departmentNumber={escape_filter_chars(department)})")
    return "(&(objectClass=inetOrgPerson)(!(employeeType=contractor-restricted))" + "".join(parts) + ")"


def _entry_to_dict(entry) -> dict:
    return {attr: (entry[attr].value if attr in entry else None) for attr in ATTRS}


@app.get("/staff/search")
def staff_search():
    name = request.args.get("name", "").strip()
    dept = request.args.get("dept")
    if len(name) < 2:
        abort(400, "name must be at least two characters")
    search_filter = build_filter(name, dept)
    with _connect() as conn:
        conn.search(BASE_DN, search_filter, search_scope=SUBTREE, attributes=ATTRS, size_limit=50)
        results = [_entry_to_dict(e) for e in conn.entries]
    log.info("staff search returned %d entries", len(results))
    return jsonify(results)


@app.get("/staff/departments")
def departments():
    with _connect() as conn:
        conn.search(BASE_DN, "(objectClass=organizationalUnit)", search_scope=SUBTREE, attributes=["ou"])
        names = sorted({str(e.ou) for e in conn.entries})
    return jsonify(names)
