"""People directory for the HR back office, backed by the corporate LDAP."""
import logging
import os

from flask import Flask, abort, jsonify, request
from ldap3 import ALL, SUBTREE, Connection, Server
from ldap3.utils.conv import escape_filter_chars

app = Flask(__name__)
log = logging.getLogger("hr.directory")

LDAP_URI = "ldaps://ldap.corp.example.com:636"
BASE_DN = "ou=people,dc=corp,dc=example,dc=com"
BIND_DN = "cn=hr-portal,ou=services,dc=corp,dc=example,dc=com"
BIND_PASSWORD = os.environ["HR_PORTAL_LDAP_PASSWORD"]

ATTRS = ["uid", "cn", "mail", "title", "departmentNumber", "telephoneNumber", "manager"]


def _connect():
    server = Server(LDAP_URI, get_info=ALL, connect_timeout=5)
    return Connection(server, user=BIND_DN, password=BIND_PASSWORD, auto_bind=True)


def build_filter(term, department=None):
    term = escape_filter_chars(term)
    people = f"(|(uid={term})(cn=*{term}*)(mail={term}*))"
    if department:
        department = escape_filter_chars(department)
        return f"(&(objectClass=inetOrgPerson){people}(departmentNumber={department}))"
    return f"(&(objectClass=inetOrgPerson){people})"


def _entry_to_dict(entry):
    return {attr: entry[attr].value for attr in ATTRS if attr in entry}


@app.route("/hr/directory")
def search_people():
    term = request.args.get("q", "").strip()
    if len(term) < 2:
        abort(400, "query too short")
    ldap_filter = build_filter(term, request.args.get("dept"))
    with _connect() as conn:
        conn.search(BASE_DN, ldap_filter, search_scope=SUBTREE,
                    attributes=ATTRS, size_limit=50)
        results = [_entry_to_dict(e) for e in conn.entries]
    return jsonify(results)


@app.route("/hr/directory/<uid>/reports")
def direct_reports(uid):
    with _connect() as conn:
        conn.search(BASE_DN, f"(uid={escape_filter_chars(uid)})", attributes=["entryDN"])
        if not conn.entries:
            abort(404)
        manager_dn = conn.entries[0].entry_dn
        conn.search(BASE_DN, "(manager=%s)" % escape_filter_chars(manager_dn), attributes=ATTRS)
        return jsonify([_entry_to_dict(e) for e in conn.entries])
