"""Clinician directory lookup for the referral and e-consult screens.

Searches the hospital Active Directory for prescribers by name or DEA/NPI
number and returns contact details for the telehealth scheduling UI.
"""
import logging
import os

from flask import Flask, jsonify, request
from ldap3 import ALL, Connection, Server, SUBTREE

app = Flask(__name__)
log = logging.getLogger("directory")

LDAP_URL = os.environ.get("DIRECTORY_LDAP_URL", "ldaps://ad.hospital.internal")
BIND_DN = os.environ.get("DIRECTORY_BIND_DN", "CN=svc-directory,OU=Service,DC=hospital,DC=internal")
BIND_PW = os.environ["DIRECTORY_BIND_PW"]
BASE_DN = "OU=Clinicians,DC=hospital,DC=internal"
ATTRS = ["cn", "mail", "telephoneNumber", "department", "employeeType", "npiNumber"]


class Directory:
    def __init__(self):
        self.server = Server(LDAP_URL, get_info=ALL, use_ssl=True)

    def _connect(self) -> Connection:
        return Connection(self.server, user=BIND_DN, password=BIND_PW, auto_bind=True, read_only=True)

    @staticmethod
    def build_filter(name: str = "", npi: str = "", department: str = "") -> str:
        parts = ["(objectClass=user)", "(employeeType=prescriber)"]
        if name:
            parts.append("(|(cn=*%s*)(sn=%s*))" % (name, name))
        if npi:
            parts.append("(npiNumber=%s)" % npi)
        if department:
            parts.append("(department=%s)" % department)
        return "(&" + "".join(parts) + ")"

    def search(self, search_filter: str, limit: int = 25):
        conn = self._connect()
        try:
            conn.search(BASE_DN, search_filter, search_scope=SUBTREE, attributes=ATTRS, size_limit=limit)  # VULN flow
            return [
                {attr: entry[attr].value for attr in ATTRS if attr in entry}
                for entry in conn.entries
            ]
        finally:
            conn.unbind()


directory = Directory()


@app.route("/api/directory/clinicians")
def clinicians():
    name = request.args.get("name", "").strip()
    npi = request.args.get("npi", "").strip()
    dept = request.args.get("department", "").strip()
    if not (name or npi or dept):
        return jsonify(error="provide name, npi or department"), 400
    flt = Directory.build_filter(name=name, npi=npi, department=dept)
    results = directory.search(flt)
    return jsonify(count=len(results), clinicians=results)
