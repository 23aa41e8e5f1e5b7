"""Look up expense approvers in the corporate directory (Active Directory)."""
import logging
import os

from flask import Flask, jsonify, request
from ldap3 import SUBTREE, Connection, Server
from ldap3.utils.conv import escape_filter_chars

app = Flask(__name__)
log = logging.getLogger("approvers")

APPROVER_GROUP = "CN=Expense Approvers,OU=Groups,DC=corp,DC=example,DC=com"


class DirectoryClient:
    def __init__(self, url: str, bind_dn: str, password: str, base_dn: str):
        self.server = Server(url, use_ssl=True, connect_timeout=5)
        self.bind_dn = bind_dn
        self.password = password
        self.base_dn = base_dn

    def _filter_for(self, name: str, department: str = None) -> str:
        name = escape_filter_chars(name)
        parts = [
            "(objectClass=user)",
            f"(memberOf={APPROVER_GROUP})",
            f"(|(cn=*{name}*)(mail={name}*))",
        ]
        if department:
            parts.append(f"(department={escape_filter_chars(department)})")
        return "(&" + "".join(parts) + ")"

    def find_approvers(self, name: str, department: str = None):
        search_filter = self._filter_for(name, department)
        with Connection(self.server, self.bind_dn, self.password, auto_bind=True, receive_timeout=10) as conn:
            conn.search(self.base_dn, search_filter, search_scope=SUBTREE, attributes=["cn", "mail", "department", "title"], size_limit=25)
            return [
                {
                    "name": str(e.cn),
                    "mail": str(e.mail),
                    "department": str(e.department),
                    "title": str(e.title),
                }
                for e in conn.entries
            ]


directory = DirectoryClient(
    os.environ.get("LDAP_URL", "ldaps://dc1.corp.example.com"),
    os.environ.get("LDAP_BIND_DN", "CN=svc-expenses,OU=Service,DC=corp,DC=example,DC=com"),
    os.environ.get("LDAP_BIND_PASSWORD", ""),
    os.environ.get("LDAP_BASE_DN", "DC=corp,DC=example,DC=com"),
)


@app.route("/api/approvers")
def approvers():
    name = request.args.get("q", "").strip()
    if len(name) < 2:
        return jsonify({"error": "query too short"}), 400
    results = directory.find_approvers(name, request.args.get("department"))
    return jsonify({"results": results})
