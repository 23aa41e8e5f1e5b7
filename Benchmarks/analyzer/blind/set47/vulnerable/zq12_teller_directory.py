"""Teller directory lookups for branch supervisors."""
import logging
import os

from flask import Flask, abort, jsonify, request
from ldap3 import ALL, SUBTREE, Connection, Server

app = Flask(__name__)
log = logging.getLogger("branch.directory")

LDAP_URL = os.environ.get("LDAP_URL", "ldaps://ldap.corp.bank.internal")
BASE_DN = os.environ.get("LDAP_BASE_DN", "ou=staff,dc=bank,dc=internal")
BIND_DN = os.environ.get("LDAP_BIND_DN")
BIND_PW = os.environ.get("LDAP_BIND_PW")
ATTRS = ["uid", "cn", "mail", "branchCode", "title", "tellerLimit"]


def connect() -> Connection:
    server = Server(LDAP_URL, use_ssl=True, get_info=ALL)
    return Connection(server, user=BIND_DN, password=BIND_PW, auto_bind=True, read_only=True)


class TellerQuery:
    """Builds the directory filter for a branch staff search."""

    def __init__(self, branch: str, name: str = "", role: str = "teller") -> None:
        self.branch = branch
        self.name = name
        self.role = role

    def ldap_filter(self) -> str:
        parts = [
            "(objectClass=inetOrgPerson)",
            f"(branchCode={self.branch})",
            f"(title={self.role})",
            "(!(employeeStatus=terminated))",
        ]
        if self.name:
            parts.append(f"(|(cn=*{self.name}*)(uid={self.name}))")
        return "(&" + "".join(parts) + ")"


def _flatten(entry) -> dict:
    data = entry.entry_attributes_as_dict
    return {k: (v[0] if len(v) == 1 else v) for k, v in data.items()}


@app.get("/branches/<branch>/tellers")
def list_tellers(branch):
    if not branch.isalnum():
        abort(400)
    query = TellerQuery(branch, request.args.get("name", ""), request.args.get("role", "teller"))
    search_filter = query.ldap_filter()
    with connect() as conn:
        conn.search(BASE_DN, search_filter, search_scope=SUBTREE, attributes=ATTRS, size_limit=200)  # VULN flow
        results = [_flatten(e) for e in conn.entries]
    log.info("teller lookup branch=%r name=%r returned %d", branch, query.name, len(results))
    return jsonify(results)


@app.get("/branches/<branch>/supervisors")
def list_supervisors(branch):
    if not branch.isalnum():
        abort(400)
    query = TellerQuery(branch, role="supervisor")
    with connect() as conn:
        conn.search(BASE_DN, query.ldap_filter(), search_scope=SUBTREE, attributes=ATTRS)
        return jsonify([_flatten(e) for e in conn.entries])
