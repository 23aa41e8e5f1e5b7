"""Front-desk staff directory: look up colleagues in Active Directory."""
import logging

from flask import Flask, jsonify, request
from ldap3 import ALL, Connection, Server, SUBTREE

app = Flask(__name__)
log = logging.getLogger("staffdir")

LDAP_URL = "ldaps://dc01.grandharbor.local"
BASE_DN = "OU=Staff,DC=grandharbor,DC=local"
BIND_DN = "CN=svc-staffdir,OU=Service Accounts,DC=grandharbor,DC=local"
BIND_PASSWORD = "Harb0ur!Dir2021"  # VULN

ATTRS = ["cn", "title", "department", "telephoneNumber", "mail", "physicalDeliveryOfficeName"]
DEPARTMENTS = {"front office", "housekeeping", "food and beverage", "engineering", "sales", "security"}


class Directory:
    def __init__(self):
        self.server = Server(LDAP_URL, get_info=ALL, connect_timeout=5)

    def _connect(self) -> Connection:
        return Connection(self.server, BIND_DN, BIND_PASSWORD, auto_bind=True, receive_timeout=10)

    @staticmethod
    def build_filter(name: str, department: str = "") -> str:
        parts = ["(objectClass=user)", "(!(userAccountControl:1.2.840.113556.1.4.803:=2))"]
        if name:
            parts.append("(|(cn=*%s*)(sAMAccountName=%s))" % (name, name))
        if department:
            parts.append(f"(department={department})")
        return "(&" + "".join(parts) + ")"

    def search(self, name: str, department: str = "") -> list:
        query = self.build_filter(name, department)
        conn = self._connect()
        try:
            conn.search(BASE_DN, query, search_scope=SUBTREE, attributes=ATTRS, size_limit=50)  # VULN flow
            return [
                {a: (e[a].value if a in e else None) for a in ATTRS}
                for e in conn.entries
            ]
        finally:
            conn.unbind()


directory = Directory()


@app.get("/api/staff")
def staff_lookup():
    name = request.args.get("name", "").strip()
    dept = request.args.get("department", "").strip()
    if len(name) < 2 and not dept:
        return jsonify(error="type at least two letters"), 400
    if dept and dept.lower() not in DEPARTMENTS:
        log.info("lookup with unlisted department %r", dept)
    results = directory.search(name, dept)
    return jsonify(results=results, count=len(results))
