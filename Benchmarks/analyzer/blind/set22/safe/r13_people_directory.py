"""Intranet people directory backed by the corporate LDAP."""
import os

from flask import Blueprint, jsonify, request
from ldap3 import SUBTREE, Connection, Server, Tls
from ldap3.utils.conv import escape_filter_chars
import ssl

directory = Blueprint("directory", __name__, url_prefix="/directory")

LDAP_URL = os.environ.get("LDAP_URL", "ldaps://ldap.corp.example.com")
BASE_DN = "ou=people,dc=corp,dc=example,dc=com"
ATTRS = ["cn", "mail", "title", "departmentNumber", "telephoneNumber"]


def _connection():
    tls = Tls(validate=ssl.CERT_REQUIRED)
    server = Server(LDAP_URL, use_ssl=True, tls=tls, connect_timeout=5)
    return Connection(
        server,
        user=os.environ["LDAP_BIND_DN"],
        password=os.environ["LDAP_BIND_PASSWORD"],
        auto_bind=True,
        receive_timeout=10,
    )


class PeopleQuery:
    def __init__(self, name, department=None):
        self.name = name.strip()
        self.department = (department or "").strip()

    def to_filter(self):
        name = escape_filter_chars(self.name)
        parts = ["(objectClass=inetOrgPerson)", f"(cn=*{name}*)"]
        if self.department:
            parts.append(f"(departmentNumber={escape_filter_chars(self.department)})")
        return "(&" + "".join(parts) + ")"


@directory.route("/search")
def search():
    name = request.args.get("name", "")
    if len(name) < 2:
        return jsonify(error="name must have at least 2 characters"), 400
    query = PeopleQuery(name, request.args.get("dept"))
    ldap_filter = query.to_filter()
    with _connection() as conn:
        conn.search(BASE_DN, ldap_filter, search_scope=SUBTREE, attributes=ATTRS, size_limit=50)
        people = [
            {attr: entry[attr].value for attr in ATTRS if attr in entry}
            for entry in conn.entries
        ]
    return jsonify(count=len(people), people=people)
