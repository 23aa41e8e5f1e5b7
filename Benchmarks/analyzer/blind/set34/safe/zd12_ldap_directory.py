"""Staff directory lookup backed by the corporate LDAP."""
import os
import re
import ssl

from flask import Flask, jsonify, request
from ldap3 import SUBTREE, Connection, Server, Tls
from ldap3.utils.conv import escape_filter_chars

app = Flask(__name__)

LDAP_URL = os.environ.get("LDAP_URL", "ldaps://ldap.corp.example:636")
BIND_DN = os.environ["LDAP_BIND_DN"]
BIND_PW = os.environ["LDAP_BIND_PASSWORD"]
BASE_DN = "ou=people,dc=corp,dc=example"
ATTRS = ["cn", "mail", "title", "telephoneNumber", "departmentNumber"]
TLS = Tls(validate=ssl.CERT_REQUIRED, ca_certs_file="/etc/ssl/certs/corp-root-ca.pem")
DEPT_RE = re.compile(r"^\d{3,5}$")


def connection():
    server = Server(LDAP_URL, use_ssl=True, tls=TLS, connect_timeout=5)
    return Connection(server, user=BIND_DN, password=BIND_PW, auto_bind=True, read_only=True)


def people_filter(term, department=None):
    term = escape_filter_chars(term)
    parts = [f"(|(cn=*{term}*)(mail={term}*)(uid={term}))"]
    if department and DEPT_RE.fullmatch(department):
        parts.append(f"(departmentNumber={department})")
    return "(&(objectClass=inetOrgPerson)" + "".join(parts) + ")"


def to_dict(entry):
    attrs = entry.entry_attributes_as_dict
    return {name: (attrs.get(name) or [None])[0] for name in ATTRS}


@app.route("/directory/search")
def search():
    term = request.args.get("q", "").strip()
    dept = request.args.get("dept")
    if len(term) < 2:
        return jsonify({"error": "query must be at least 2 characters"}), 400
    conn = connection()
    try:
        conn.search(BASE_DN, people_filter(term, dept), search_scope=SUBTREE, attributes=ATTRS, size_limit=50)
        results = [to_dict(e) for e in conn.entries]
    finally:
        conn.unbind()
    return jsonify({"count": len(results), "results": results})


@app.route("/directory/healthz")
def healthz():
    conn = connection()
    conn.unbind()
    return jsonify({"ldap": "ok"})
