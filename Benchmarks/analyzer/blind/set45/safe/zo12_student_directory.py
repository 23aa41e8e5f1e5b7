"""Student directory lookups backed by the campus LDAP (Flask + ldap3)."""
import logging
import os

from flask import Flask, jsonify, request
from ldap3 import ALL, Connection, Server
from ldap3.utils.conv import escape_filter_chars

app = Flask(__name__)
log = logging.getLogger("directory")

LDAP_URL = os.environ.get("LDAP_URL", "ldaps://ldap.campus.edu")
BASE_DN = "ou=people,dc=campus,dc=edu"
BIND_DN = os.environ.get("LDAP_BIND_DN", "cn=lms-reader,ou=services,dc=campus,dc=edu")
ATTRIBUTES = ["uid", "cn", "mail", "eduPersonAffiliation", "departmentNumber"]
AFFILIATIONS = {"student", "alum", "affiliate"}


class DirectoryClient:
    def __init__(self):
        self.server = Server(LDAP_URL, get_info=ALL, use_ssl=True)

    def _connect(self) -> Connection:
        return Connection(self.server, BIND_DN, os.environ["LDAP_BIND_PASSWORD"], auto_bind=True)

    def search(self, ldap_filter: str, limit: int = 25):
        conn = self._connect()
        try:
            conn.search(BASE_DN, ldap_filter, attributes=ATTRIBUTES, size_limit=limit)
            return [entry.entry_attributes_as_dict for entry in conn.entries]
        finally:
            conn.unbind()


def build_filter(name: str, affiliation: str) -> str:
    parts = ["(objectClass=eduPerson)"]
    if affiliation:
        parts.append(f"(eduPersonAffiliation={escape_filter_chars(affiliation)})")
    if name:
        safe_name = escape_filter_chars(name)
        parts.append(f"(|(cn=*{safe_name}*)(uid={safe_name}))")
    return "(&" + "".join(parts) + ")"


directory = DirectoryClient()


@app.route("/api/directory/search")
def search_directory():
    name = request.args.get("name", "").strip()
    affiliation = request.args.get("role", "student")
    if len(name) < 2:
        return jsonify({"error": "name must be at least 2 characters"}), 400
    if affiliation not in AFFILIATIONS:
        return jsonify({"error": "unknown role"}), 400
    results = directory.search(build_filter(name, affiliation))
    # never expose staff records through the student picker
    results = [r for r in results if "staff" not in r.get("eduPersonAffiliation", [])]
    return jsonify({"results": results})


@app.route("/api/directory/<uid>")
def get_person(uid):
    results = directory.search(f"(&(objectClass=eduPerson)(uid={escape_filter_chars(uid)}))", limit=1)
    if not results:
        return jsonify({"error": "not found"}), 404
    return jsonify(results[0])

