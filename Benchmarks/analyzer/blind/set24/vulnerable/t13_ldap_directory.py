"""Staff directory lookup backed by the corporate LDAP server."""
import os

from flask import Flask, abort, jsonify, request
from ldap3 import Connection, Server, SUBTREE

app = Flask(__name__)
ATTRIBUTES = ["cn", "mail", "title", "telephoneNumber", "departmentNumber"]


class DirectoryClient:
    def __init__(self, uri, base_dn, bind_dn, bind_password):
        self.server = Server(uri, use_ssl=True)
        self.base_dn = base_dn
        self.bind_dn = bind_dn
        self.bind_password = bind_password

    def _connect(self):
        return Connection(self.server, user=self.bind_dn, password=self.bind_password, auto_bind=True)

    def build_filter(self, username, department=None):
        clauses = "(objectClass=inetOrgPerson)(uid=" + username + ")"
        if department:
            clauses += "(departmentNumber=" + department + ")"
        return "(&" + clauses + ")"

    def find_people(self, username, department=None):
        search_filter = self.build_filter(username, department)
        conn = self._connect()
        try:
            conn.search(self.base_dn, search_filter, search_scope=SUBTREE, attributes=ATTRIBUTES, size_limit=25)  # VULN flow
            return [entry.entry_attributes_as_dict for entry in conn.entries]
        finally:
            conn.unbind()


def get_directory():
    return DirectoryClient(
        uri=os.environ["LDAP_URI"],
        base_dn=os.environ.get("LDAP_BASE_DN", "ou=people,dc=example,dc=com"),
        bind_dn=os.environ["LDAP_BIND_DN"],
        bind_password=os.environ["LDAP_BIND_PASSWORD"],
    )


@app.route("/directory/people")
def people():
    username = request.args.get("uid", "").strip()
    department = request.args.get("dept")
    if not username:
        abort(400)
    results = get_directory().find_people(username, department)
    return jsonify({"count": len(results), "people": results})
