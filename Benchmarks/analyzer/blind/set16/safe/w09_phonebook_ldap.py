"""Internal phone book: search the corporate directory by name or email."""
import logging
import os
import ssl

from flask import Flask, jsonify, request
from ldap3 import Connection, Server, Tls
from ldap3.utils.conv import escape_filter_chars

app = Flask(__name__)
log = logging.getLogger("phonebook")

LDAP_URL = os.environ.get("LDAP_URL", "ldaps://ldap.corp.example.com")
BASE_DN = "ou=people,dc=corp,dc=example,dc=com"
BIND_DN = "cn=phonebook,ou=services,dc=corp,dc=example,dc=com"
BIND_PASSWORD = os.environ["PHONEBOOK_BIND_PASSWORD"]
ATTRS = ["cn", "mail", "telephoneNumber", "title", "departmentNumber"]


def connect():
    tls = Tls(validate=ssl.CERT_REQUIRED, ca_certs_file=os.environ.get("LDAP_CA_FILE"))
    server = Server(LDAP_URL, use_ssl=True, tls=tls)
    return Connection(server, BIND_DN, BIND_PASSWORD, auto_bind=True, read_only=True)


def build_filter(term, department=None):
    term = escape_filter_chars(term)
    flt = f"(|(cn=*{term}*)(mail={term}*))"
    if department and department.isdigit():
        flt = f"(&{flt}(departmentNumber={department}))"
    return f"(&(objectClass=inetOrgPerson){flt})"


def search_people(term, department=None, limit=25):
    conn = connect()
    try:
        query = build_filter(term, department)
        conn.search(BASE_DN, query, attributes=ATTRS, size_limit=limit)
        return [
            {k: (v[0] if len(v) == 1 else v) for k, v in entry.entry_attributes_as_dict.items()}
            for entry in conn.entries
        ]
    finally:
        conn.unbind()


@app.route("/api/people")
def people():
    term = request.args.get("q", "").strip()
    if len(term) < 2:
        return jsonify(error="query too short"), 400
    dept = request.args.get("dept")
    results = search_people(term, dept)
    log.info("phonebook query returned %d entries", len(results))
    return jsonify(results=results)


@app.route("/healthz")
def healthz():
    try:
        connect().unbind()
    except Exception as exc:
        log.error("ldap health check failed: %r", exc)
        return jsonify(status="degraded"), 503
    return jsonify(status="ok")


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    app.run(host="127.0.0.1", port=5081)
