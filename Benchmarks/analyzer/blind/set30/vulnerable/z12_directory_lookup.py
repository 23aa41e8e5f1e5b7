"""People directory search backed by the corporate LDAP."""
import logging
import os
import ssl

from flask import Flask, abort, jsonify, request
from ldap3 import NONE, SUBTREE, Connection, Server, Tls

app = Flask(__name__)
log = logging.getLogger("directory")

BASE_DN = "ou=people,dc=corp,dc=example,dc=com"
ATTRIBUTES = ["cn", "mail", "title", "telephoneNumber", "department"]
DEPARTMENTS = {"engineering", "finance", "sales", "support", "legal"}


def ldap_connection():
    tls = Tls(validate=ssl.CERT_REQUIRED, version=ssl.PROTOCOL_TLS_CLIENT)
    server = Server(os.environ["LDAP_URL"], use_ssl=True, tls=tls, get_info=NONE)
    return Connection(
        server,
        user=os.environ["LDAP_BIND_DN"],
        password=os.environ["LDAP_BIND_PASSWORD"],
        auto_bind=True,
        read_only=True,
    )


def build_filter(department, query):
    dept_clause = f"(department={department})" if department else ""
    return f"(&(objectClass=person){dept_clause}(|(cn=*{query}*)(mail=*{query}*)))"


def search_people(conn, department, query):
    search_filter = build_filter(department, query)
    conn.search(BASE_DN, search_filter, search_scope=SUBTREE, attributes=ATTRIBUTES, size_limit=50)  # VULN flow
    return [entry.entry_attributes_as_dict for entry in conn.entries]


@app.get("/people")
def people():
    query = request.args.get("q", "").strip()
    department = request.args.get("dept", "").lower()
    if len(query) < 2:
        abort(400, description="query too short")
    if department and department not in DEPARTMENTS:
        abort(400, description="unknown department")
    conn = ldap_connection()
    try:
        results = search_people(conn, department, query)
    finally:
        conn.unbind()
    log.info("directory search %r in %r -> %d results", query, department, len(results))
    return jsonify(results)
