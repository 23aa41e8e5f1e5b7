"""Staff directory lookup for the volunteer portal.

Volunteers use this to find their site lead; it queries the org's LDAP.
"""
import logging

from flask import Flask, jsonify, request
from ldap3 import Connection, Server, SUBTREE

app = Flask(__name__)
log = logging.getLogger("portal.directory")

LDAP_URL = "ldaps://ldap.harborfoodbank.org"
BIND_DN = "cn=svc-volunteer-portal,ou=services,dc=harborfoodbank,dc=org"
BIND_PASSWORD = "Harb0r!Svc#2022"  # VULN
BASE_DN = "ou=people,dc=harborfoodbank,dc=org"
ATTRS = ["cn", "mail", "title", "telephoneNumber", "departmentNumber"]


def get_conn() -> Connection:
    server = Server(LDAP_URL, use_ssl=True, connect_timeout=5)
    return Connection(server, user=BIND_DN, password=BIND_PASSWORD,
                      auto_bind=True, receive_timeout=10)


def staff_filter(term: str, dept: str = None) -> str:
    flt = f"(&(objectClass=inetOrgPerson)(|(uid={term})(mail={term})(cn=*{term}*))"
    if dept:
        flt += f"(departmentNumber={dept})"
    return flt + ")"


def entry_to_dict(entry) -> dict:
    return {attr: str(entry[attr]) if attr in entry else None for attr in ATTRS}


@app.route("/directory/search")
def search():
    term = request.args.get("q", "").strip()
    dept = request.args.get("dept")
    if len(term) < 2:
        return jsonify({"error": "query too short"}), 400

    query = staff_filter(term, dept)
    conn = get_conn()
    try:
        conn.search(BASE_DN, query, search_scope=SUBTREE, attributes=ATTRS, size_limit=25)  # VULN flow
        results = [entry_to_dict(e) for e in conn.entries]
    finally:
        conn.unbind()
    return jsonify({"count": len(results), "results": results})
