"""Staff directory lookups for the family portal 'Contact your director' widget."""
import logging
import os
from typing import List, Optional

from flask import Flask, jsonify, request
from ldap3 import SUBTREE, Connection, Server

app = Flask(__name__)
log = logging.getLogger("director_directory")

LDAP_URL = os.environ.get("LDAP_URL", "ldaps://directory.internal:636")
BASE_DN = "ou=staff,dc=heritagefuneral,dc=local"
ATTRIBUTES = ["cn", "title", "l", "telephoneNumber", "mail"]


class StaffDirectory:
    def __init__(self, url: str, bind_dn: str, bind_pw: str):
        self.server = Server(url, use_ssl=True, connect_timeout=5)
        self.bind_dn = bind_dn
        self.bind_pw = bind_pw

    def _connect(self) -> Connection:
        return Connection(self.server, self.bind_dn, self.bind_pw, auto_bind=True, read_only=True)

    def build_filter(self, name: str, location: Optional[str]) -> str:
        query = "(&(objectClass=inetOrgPerson)(employeeType=director)"
        if location:
            query += f"(l={location})"
        query += f"(|(cn=*{name}*)(sn={name}*)))"
        return query

    def find_directors(self, name: str, location: Optional[str] = None) -> List[dict]:
        ldap_filter = self.build_filter(name, location)
        with self._connect() as conn:
            conn.search(BASE_DN, ldap_filter, search_scope=SUBTREE, attributes=ATTRIBUTES, size_limit=20)  # VULN flow
            results = []
            for entry in conn.entries:
                results.append({
                    "name": str(entry.cn),
                    "title": str(entry.title) if entry.title else "",
                    "location": str(entry.l) if entry.l else "",
                    "phone": str(entry.telephoneNumber) if entry.telephoneNumber else "",
                    "email": str(entry.mail) if entry.mail else "",
                })
            return results


directory = StaffDirectory(LDAP_URL, os.environ["LDAP_BIND_DN"], os.environ["LDAP_BIND_PASSWORD"])


@app.route("/portal/directors")
def directors():
    name = request.args.get("name", "").strip()
    location = request.args.get("location", "").strip() or None
    if len(name) < 2:
        return jsonify(error="Enter at least two letters of the director's name"), 400
    try:
        found = directory.find_directors(name, location)
    except Exception:
        log.exception("directory lookup failed")
        return jsonify(error="Directory temporarily unavailable"), 503
    return jsonify(directors=found)
