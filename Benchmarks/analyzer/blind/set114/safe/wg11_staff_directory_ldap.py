"""Keeper directory lookup used by the radio-room dashboard.

Lets dispatch find which keeper is on a section and their radio call sign.
"""
import logging
import os

from flask import Flask, jsonify, request
from ldap3 import ALL, Connection, Server
from ldap3.utils.conv import escape_filter_chars

app = Flask(__name__)
log = logging.getLogger("directory")

LDAP_URL = os.environ.get("LDAP_URL", "ldaps://ldap.zoo.internal")
BASE_DN = "ou=keepers,ou=staff,dc=zoo,dc=internal"
BIND_DN = os.environ.get("LDAP_BIND_DN", "cn=radio-dash,ou=services,dc=zoo,dc=internal")
BIND_PW = os.environ.get("LDAP_BIND_PW", "")
ATTRS = ["cn", "mail", "telephoneNumber", "departmentNumber", "radioCallSign"]


class Directory:
    def __init__(self):
        self.server = Server(LDAP_URL, get_info=ALL, use_ssl=True)

    def _conn(self) -> Connection:
        return Connection(self.server, BIND_DN, BIND_PW, auto_bind=True, read_only=True)

    @staticmethod
    def build_filter(name: str, section: str | None) -> str:
        name = escape_filter_chars(name)
        parts = ["(objectClass=zooKeeper)", f"(|(cn=*{name}*)(uid={name}))"]
        if section:
            parts.append(f"(departmentNumber={escape_filter_chars(section)})")
        return "(&" + "".join(parts) + ")"

    def search(self, name: str, section: str | None = None) -> list[dict]:
        query = self.build_filter(name, section)
        with self._conn() as conn:
            conn.search(BASE_DN, query, attributes=ATTRS, size_limit=50)
            return [
                {a: entry[a].value for a in ATTRS if a in entry}
                for entry in conn.entries
            ]


directory = Directory()


@app.route("/directory/keepers")
def keepers():
    name = request.args.get("name", "").strip()
    section = request.args.get("section")
    if not name:
        return jsonify({"error": "name is required"}), 400
    try:
        results = directory.search(name, section)
    except Exception:
        log.exception("ldap lookup failed")
        return jsonify({"error": "directory unavailable"}), 503
    return jsonify(results)
