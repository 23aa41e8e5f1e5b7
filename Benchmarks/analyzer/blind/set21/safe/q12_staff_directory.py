"""Intranet staff directory backed by the corporate LDAP server."""
import os

from flask import Flask, jsonify, request
from ldap3 import Connection, Server, SUBTREE, Tls
from ldap3.utils.conv import escape_filter_chars
import ssl

app = Flask(__name__)

LDAP_URL = os.environ.get("LDAP_URL", "ldaps://ldap.corp.example.com")
BASE_DN = "ou=people,dc=corp,dc=example,dc=com"
ATTRIBUTES = ["cn", "mail", "title", "telephoneNumber", "departmentNumber"]


class Directory:
    def __init__(self):
        tls = Tls(validate=ssl.CERT_REQUIRED, ca_certs_file="/etc/ssl/certs/corp-ca.pem")
        self.server = Server(LDAP_URL, use_ssl=True, tls=tls)
        self.bind_dn = os.environ["LDAP_BIND_DN"]
        self.bind_pw = os.environ["LDAP_BIND_PASSWORD"]

    def _connect(self):
        return Connection(self.server, self.bind_dn, self.bind_pw, auto_bind=True, read_only=True)

    @staticmethod
    def build_filter(name, department=None):
        name = escape_filter_chars(name)
        parts = [f"(|(cn=*{name}*)(uid={name}))", "(objectClass=inetOrgPerson)"]
        if department:
            parts.append(f"(departmentNumber={escape_filter_chars(department)})")
        return "(&" + "".join(parts) + ")"

    def search(self, name, department=None):
        query = self.build_filter(name, department)
        with self._connect() as conn:
            conn.search(BASE_DN, query, search_scope=SUBTREE, attributes=ATTRIBUTES, size_limit=50)
            return [entry.entry_attributes_as_dict for entry in conn.entries]


directory = Directory()


@app.get("/directory/search")
def directory_search():
    name = request.args.get("name", "").strip()
    dept = request.args.get("dept", "").strip() or None
    if len(name) < 2:
        return jsonify(error="query too short"), 400
    if dept is not None and not dept.isdigit():
        return jsonify(error="bad department"), 400
    people = directory.search(name, dept)
    return jsonify(count=len(people), people=people)
