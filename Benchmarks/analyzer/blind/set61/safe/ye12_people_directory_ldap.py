"""'People' page of the company's internal social network, backed by LDAP."""
import logging
import os

from flask import Flask, jsonify, request
from ldap3 import ALL, Connection, Server, SUBTREE
from ldap3.utils.conv import escape_filter_chars

app = Flask(__name__)
log = logging.getLogger("people")

LDAP_URL = os.environ.get("LDAP_URL", "ldaps://ldap.corp.example:636")
BASE_DN = os.environ.get("LDAP_BASE_DN", "ou=people,dc=corp,dc=example")
BIND_DN = os.environ.get("LDAP_BIND_DN", "cn=directory-ro,dc=corp,dc=example")
BIND_PW = os.environ.get("LDAP_BIND_PW", "")
ATTRS = ["cn", "mail", "title", "department", "manager", "telephoneNumber"]


class Directory:
    def __init__(self):
        self.server = Server(LDAP_URL, get_info=ALL, connect_timeout=5)

    def _connect(self):
        return Connection(self.server, BIND_DN, BIND_PW, auto_bind=True, receive_timeout=10)

    def find(self, filter_str, limit=50):
        with self._connect() as conn:
            conn.search(BASE_DN, filter_str, search_scope=SUBTREE,
                        attributes=ATTRS, size_limit=limit)
            return [
                {attr: e[attr].value for attr in ATTRS if attr in e}
                for e in conn.entries
            ]


directory = Directory()


def people_filter(term, department=None):
    term = escape_filter_chars(term)
    parts = [f"(|(cn=*{term}*)(mail={term}*)(title=*{term}*))"]
    if department:
        parts.append(f"(department={escape_filter_chars(department)})")
    # hide service accounts and disabled staff
    parts.append("(!(employeeType=service))")
    parts.append("(!(nsAccountLock=TRUE))")
    return "(&(objectClass=inetOrgPerson)" + "".join(parts) + ")"


@app.route("/api/people")
def search_people():
    term = request.args.get("q", "").strip()
    if len(term) < 2:
        return jsonify({"error": "query too short"}), 400
    dept = request.args.get("dept")
    flt = people_filter(term, dept)
    try:
        results = directory.find(flt)
    except Exception:  # noqa: BLE001
        log.exception("directory lookup failed")
        return jsonify({"error": "directory unavailable"}), 503
    return jsonify({"count": len(results), "people": results})
