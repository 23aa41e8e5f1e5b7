"""People lookup for the chemistry department intranet (backed by LDAP)."""
import logging
import os
from typing import Optional

from flask import Flask, jsonify, request
from ldap3 import ALL, SUBTREE, Connection, Server

app = Flask(__name__)
log = logging.getLogger("directory")

LDAP_URL = os.environ.get("LDAP_URL", "ldaps://ldap.chem.example.edu")
BASE_DN = "ou=people,dc=chem,dc=example,dc=edu"
BIND_DN = os.environ.get("LDAP_BIND_DN", "cn=intranet,ou=services,dc=chem,dc=example,dc=edu")
BIND_PW = os.environ.get("LDAP_BIND_PW", "")
ATTRS = ["uid", "cn", "mail", "telephoneNumber", "roomNumber", "departmentNumber"]


def connect() -> Connection:
    server = Server(LDAP_URL, get_info=ALL, connect_timeout=5)
    return Connection(server, BIND_DN, BIND_PW, auto_bind=True, receive_timeout=10)


def build_filter(term: str, group: Optional[str]) -> str:
    parts = [f"(|(uid={term})(cn=*{term}*)(mail={term}*))"]
    if group:
        parts.append(f"(departmentNumber={group})")
    return "(&(objectClass=inetOrgPerson)(!(employeeType=disabled))" + "".join(parts) + ")"


def to_card(entry) -> dict:
    attrs = entry.entry_attributes_as_dict
    first = lambda key: (attrs.get(key) or [None])[0]  # noqa: E731
    return {
        "uid": first("uid"),
        "name": first("cn"),
        "email": first("mail"),
        "phone": first("telephoneNumber"),
        "room": first("roomNumber"),
        "group": first("departmentNumber"),
    }


@app.route("/people")
def people():
    term = request.args.get("q", "").strip()
    if len(term) < 2:
        return jsonify(error="query too short"), 400
    flt = build_filter(term, request.args.get("group"))
    conn = connect()
    try:
        conn.search(BASE_DN, flt, search_scope=SUBTREE, attributes=ATTRS, size_limit=50)  # VULN flow
        cards = [to_card(e) for e in conn.entries]
    finally:
        conn.unbind()
    return jsonify(count=len(cards), people=cards)


if __name__ == "__main__":
    app.run(port=5040)
