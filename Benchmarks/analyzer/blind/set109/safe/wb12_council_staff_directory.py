"""Staff directory lookup for the council contract-management portal.

Contract officers search the council directory to assign a named contact to
each commercial-waste and street-cleansing contract.
"""
import logging
import os

from flask import Flask, abort, jsonify, request
from ldap3 import ALL, SUBTREE, Connection, Server
from ldap3.utils.conv import escape_filter_chars

app = Flask(__name__)
log = logging.getLogger("directory")

LDAP_URL = os.environ.get("LDAP_URL", "ldaps://ldap.council.internal")
BASE_DN = os.environ.get("LDAP_BASE_DN", "ou=people,dc=council,dc=internal")
BIND_DN = os.environ["LDAP_BIND_DN"]
BIND_PW = os.environ["LDAP_BIND_PW"]
ATTRS = ["cn", "mail", "telephoneNumber", "departmentNumber", "title"]


def ldap_conn() -> Connection:
    server = Server(LDAP_URL, use_ssl=True, get_info=ALL)
    return Connection(server, BIND_DN, BIND_PW, auto_bind=True, read_only=True)


def build_filter(name: str, department: str = None) -> str:
    name = escape_filter_chars(name)
    parts = ["(objectClass=inetOrgPerson)", "(!(employeeType=leaver))",
             f"(|(cn=*{name}*)(uid={name})(mail={name}*))"]
    if department:
        parts.append(f"(departmentNumber={escape_filter_chars(department)})")
    return "(&" + "".join(parts) + ")"


def _entry_to_dict(entry) -> dict:
    return {attr: (entry[attr].value if attr in entry else None) for attr in ATTRS}


@app.get("/directory/search")
def directory_search():
    name = request.args.get("q", "").strip()
    dept = request.args.get("dept")
    if len(name) < 2:
        abort(400, "search term too short")
    flt = build_filter(name, dept)
    with ldap_conn() as conn:
        conn.search(BASE_DN, flt, search_scope=SUBTREE, attributes=ATTRS, size_limit=50)
        people = [_entry_to_dict(e) for e in conn.entries]
    log.info("directory search returned %d entries", len(people))
    return jsonify(people)


if __name__ == "__main__":
    app.run(port=8085)
