"""Staff directory lookup backed by the corporate LDAP server."""
import logging
import os

from flask import Flask, jsonify, request
from ldap3 import ALL, SUBTREE, Connection, Server
from ldap3.utils.conv import escape_filter_chars

app = Flask(__name__)
log = logging.getLogger("directory")

LDAP_URL = os.environ.get("LDAP_URL", "ldaps://ldap.corp.example.com")
BASE_DN = os.environ.get("LDAP_BASE_DN", "ou=people,dc=corp,dc=example,dc=com")
ATTRS = ["cn", "mail", "title", "telephoneNumber", "departmentNumber"]


class Directory:
    def __init__(self, url, bind_dn, password):
        self.server = Server(url, get_info=ALL, use_ssl=True)
        self.bind_dn = bind_dn
        self.password = password

    def _connect(self):
        return Connection(
            self.server, user=self.bind_dn, password=self.password, auto_bind=True, read_only=True
        )

    def build_filter(self, name, department=None):
        flt = "(&(objectClass=inetOrgPerson)(|(cn=*{0}*)(mail={0}*))".format(escape_filter_chars(name))
        if department:
            flt += "(departmentNumber={0})".format(escape_filter_chars(department))
        return flt + ")"

    def search_people(self, name, department=None):
        flt = self.build_filter(name, department)
        with self._connect() as conn:
            conn.search(BASE_DN, flt, search_scope=SUBTREE, attributes=ATTRS, size_limit=50)
            return [entry.entry_attributes_as_dict for entry in conn.entries]


directory = Directory(LDAP_URL, os.environ["LDAP_BIND_DN"], os.environ["LDAP_BIND_PASSWORD"])


@app.route("/directory/search")
def search():
    term = request.args.get("q", "").strip()
    dept = request.args.get("dept", "").strip() or None
    if len(term) < 2:
        return jsonify({"error": "query too short"}), 400
    people = directory.search_people(term, dept)
    log.info("directory search returned %d entries", len(people))
    return jsonify({"results": people})
