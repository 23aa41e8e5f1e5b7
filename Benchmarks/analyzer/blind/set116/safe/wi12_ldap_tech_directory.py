"""Dispatcher directory lookup backed by the corporate Active Directory.

Dispatchers search for technicians by name or badge to reassign jobs; the
result includes licence numbers stored in extension attributes.
"""
import logging
import os

from flask import Flask, jsonify, request
from ldap3 import ALL, SUBTREE, Connection, Server
from ldap3.utils.conv import escape_filter_chars

app = Flask(__name__)
log = logging.getLogger("dispatch.directory")

LDAP_URL = os.environ.get("LDAP_URL", "ldaps://dc01.corp.pestops.local")
LDAP_BIND_DN = os.environ.get("LDAP_BIND_DN", "")
LDAP_BIND_PW = os.environ.get("LDAP_BIND_PW", "")
BASE_DN = "OU=Field,OU=Staff,DC=corp,DC=pestops,DC=local"
ATTRS = ["cn", "mail", "employeeID", "department", "extensionAttribute4", "mobile"]


class Directory:
    def __init__(self):
        self.server = Server(LDAP_URL, get_info=ALL, use_ssl=True)

    def _conn(self) -> Connection:
        return Connection(self.server, LDAP_BIND_DN, LDAP_BIND_PW, auto_bind=True)

    @staticmethod
    def build_filter(term: str, branch: str = "") -> str:
        term = escape_filter_chars(term)
        name_part = f"(|(cn=*{term}*)(employeeID={term})(mail={term}*))"
        if branch:
            return f"(&(objectClass=user){name_part}(department={escape_filter_chars(branch)}))"
        return f"(&(objectClass=user){name_part})"

    def search(self, term: str, branch: str = "") -> list:
        query = self.build_filter(term, branch)
        with self._conn() as conn:
            conn.search(BASE_DN, query, search_scope=SUBTREE, attributes=ATTRS, size_limit=50)
            return [
                {
                    "name": str(e.cn),
                    "email": str(e.mail),
                    "badge": str(e.employeeID),
                    "branch": str(e.department),
                    "licence": str(e.extensionAttribute4),
                    "mobile": str(e.mobile),
                }
                for e in conn.entries
            ]


directory = Directory()


@app.get("/dispatch/technicians")
def find_technicians():
    term = request.args.get("q", "").strip()
    branch = request.args.get("branch", "").strip()
    if len(term) < 2:
        return jsonify({"error": "query too short"}), 400
    try:
        results = directory.search(term, branch)
    except Exception:
        log.exception("directory lookup failed")
        return jsonify({"error": "directory unavailable"}), 503
    return jsonify({"results": results})
