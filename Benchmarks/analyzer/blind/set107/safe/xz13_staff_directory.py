"""Staff directory lookups for the trainer scheduling admin tool."""
import logging
import os

from flask import Flask, abort, jsonify, request
from ldap3 import ALL, SUBTREE, Connection, Server
from ldap3.utils.conv import escape_filter_chars

app = Flask(__name__)
log = logging.getLogger("staffdir")

LDAP_URL = os.environ.get("LDAP_URL", "ldaps://ldap.gymhub.internal")
BASE_DN = "ou=staff,dc=gymhub,dc=internal"
BIND_DN = os.environ.get("LDAP_BIND_DN", "cn=scheduler,ou=svc,dc=gymhub,dc=internal")
BIND_PW = os.environ["LDAP_BIND_PW"]
ATTRS = ["uid", "cn", "mail", "title", "l", "telephoneNumber"]


def connect() -> Connection:
    server = Server(LDAP_URL, get_info=ALL, use_ssl=True)
    return Connection(server, BIND_DN, BIND_PW, auto_bind=True, read_only=True)


def build_filter(name, club=None, role=None):
    name = escape_filter_chars(name)
    clauses = ["(objectClass=inetOrgPerson)", f"(|(uid={name})(cn=*{name}*))"]
    if club:
        clauses.append(f"(l={escape_filter_chars(club)})")
    if role:
        clauses.append("(title=%s)" % escape_filter_chars(role))
    return "(&" + "".join(clauses) + ")"


def entry_to_dict(entry):
    return {a: (entry[a].value if a in entry else None) for a in ATTRS}


@app.route("/admin/staff/search")
def search_staff():
    name = request.args.get("name", "").strip()
    if not name:
        abort(400)
    search_filter = build_filter(name, request.args.get("club"), request.args.get("role"))
    conn = connect()
    try:
        conn.search(BASE_DN, search_filter, search_scope=SUBTREE, attributes=ATTRS, size_limit=50)
        results = [entry_to_dict(e) for e in conn.entries]
    finally:
        conn.unbind()
    log.info("staff search returned %d entries", len(results))
    return jsonify(results=results)


@app.route("/admin/staff/<uid>/classes")
def staff_classes(uid):
    conn = connect()
    try:
        conn.search(BASE_DN, "(&(objectClass=inetOrgPerson)(uid=" + escape_filter_chars(uid) + "))", attributes=["uid", "cn", "l"])
        if not conn.entries:
            abort(404)
        person = entry_to_dict(conn.entries[0])
    finally:
        conn.unbind()
    return jsonify(trainer=person, classes=[])


if __name__ == "__main__":
    app.run()
