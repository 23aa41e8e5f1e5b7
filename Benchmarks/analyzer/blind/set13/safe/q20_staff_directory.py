"""University staff directory: a thin Flask front end over the campus LDAP."""
import logging
import os
import ssl

from flask import Flask, abort, jsonify, request
from ldap3 import ALL, Connection, Server, Tls
from ldap3.core.exceptions import LDAPException
from ldap3.utils.conv import escape_filter_chars

app = Flask(__name__)
log = logging.getLogger("directory")

LDAP_URL = os.environ.get("DIRECTORY_LDAP_URL", "ldaps://ldap.campus.example:636")
BASE_DN = "ou=people,dc=campus,dc=example"
BIND_DN = os.environ.get("DIRECTORY_BIND_DN", "cn=directory-web,ou=services,dc=campus,dc=example")
CA_BUNDLE = os.environ.get("DIRECTORY_CA_BUNDLE", "/etc/ssl/certs/campus-ca.pem")
ATTRS = ["cn", "mail", "telephoneNumber", "ou", "title", "roomNumber"]

tls = Tls(validate=ssl.CERT_REQUIRED, version=ssl.PROTOCOL_TLS_CLIENT, ca_certs_file=CA_BUNDLE)
server = Server(LDAP_URL, use_ssl=True, tls=tls, get_info=ALL)


def connect():
    return Connection(server, user=BIND_DN, password=os.environ["DIRECTORY_BIND_PW"],
                      auto_bind=True, read_only=True)


def build_filter(surname, department=None):
    clauses = ["(objectClass=inetOrgPerson)", "(sn=" + escape_filter_chars(surname) + "*)"]
    if department:
        clauses.append("(ou=" + escape_filter_chars(department) + ")")
    return "(&" + "".join(clauses) + ")"


def search_staff(surname, department=None, limit=25):
    query = build_filter(surname, department)
    with connect() as conn:
        conn.search(BASE_DN, query, attributes=ATTRS, size_limit=limit)
        return [
            {attr: entry[attr].value for attr in ATTRS if attr in entry}
            for entry in conn.entries
        ]


@app.route("/api/staff")
def staff():
    surname = request.args.get("surname", "").strip()
    if len(surname) < 2:
        abort(400, "surname must be at least two characters")
    department = request.args.get("department")
    try:
        results = search_staff(surname, department)
    except LDAPException:
        log.exception("directory lookup failed")
        abort(502, "directory unavailable")
    return jsonify({"count": len(results), "results": results})


@app.route("/healthz")
def healthz():
    return {"status": "ok"}
