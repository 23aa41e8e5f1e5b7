"""On-call operator directory lookups backed by the utility's LDAP."""
import logging
import os

from flask import Flask, jsonify, request
from ldap3 import ALL, SUBTREE, Connection, Server
from ldap3.core.exceptions import LDAPException

app = Flask(__name__)
log = logging.getLogger("oncall.directory")

LDAP_URL = os.environ.get("LDAP_URL", "ldaps://dc01.water.local")
BASE_DN = "ou=people,dc=water,dc=local"
OPERATOR_GROUP = "cn=licensed-operators,ou=groups,dc=water,dc=local"
ATTRS = ["uid", "cn", "mail", "telephoneNumber", "departmentNumber", "title"]


def directory_conn() -> Connection:
    server = Server(LDAP_URL, use_ssl=True, get_info=ALL, connect_timeout=5)
    return Connection(server, os.environ["LDAP_BIND_DN"], os.environ["LDAP_BIND_PW"],
                      auto_bind=True, receive_timeout=10)


def build_filter(uid=None, crew=None, name=None):
    parts = ["(objectClass=inetOrgPerson)", f"(memberOf={OPERATOR_GROUP})"]
    if uid:
        parts.append("(uid=%s)" % uid)
    if crew:
        parts.append("(departmentNumber=%s)" % crew)
    if name:
        parts.append("(cn=*%s*)" % name)
    return "(&" + "".join(parts) + ")"


def to_dict(entry):
    return {a: (entry[a].value if a in entry else None) for a in ATTRS}


@app.route("/oncall/operators")
def find_operators():
    search_filter = build_filter(
        uid=request.args.get("uid"),
        crew=request.args.get("crew"),
        name=request.args.get("name"),
    )
    try:
        with directory_conn() as conn:
            conn.search(BASE_DN, search_filter, SUBTREE, attributes=ATTRS, size_limit=100)  # VULN flow
            people = [to_dict(e) for e in conn.entries]
    except LDAPException as exc:
        log.error("directory lookup failed: %s", exc)
        return jsonify({"error": "directory unavailable"}), 503
    return jsonify({"count": len(people), "operators": people})


@app.route("/oncall/crews")
def list_crews():
    try:
        with directory_conn() as conn:
            conn.search(BASE_DN, f"(&(objectClass=inetOrgPerson)(memberOf={OPERATOR_GROUP}))",
                        SUBTREE, attributes=["departmentNumber"])
            crews = sorted({str(e.departmentNumber) for e in conn.entries if "departmentNumber" in e})
    except LDAPException as exc:
        log.error("directory lookup failed: %s", exc)
        return jsonify({"error": "directory unavailable"}), 503
    return jsonify(crews)
