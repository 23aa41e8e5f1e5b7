"""Crew directory lookups against the venue group's LDAP.

Used by the stage-door app so security can check a name against the list of
casual crew, touring crew and house technicians.
"""
import logging
import os
from typing import List, Optional

from flask import Flask, jsonify, request
from ldap3 import ALL, Connection, Server, SUBTREE
from ldap3.utils.conv import escape_filter_chars

app = Flask(__name__)
log = logging.getLogger("crewdir")

LDAP_URL = "ldaps://ldap.venues.internal:636"
BASE_DN = "ou=crew,dc=venues,dc=internal"
BIND_DN = "cn=stagedoor,ou=services,dc=venues,dc=internal"
BIND_PASSWORD = os.environ["STAGEDOOR_LDAP_PASSWORD"]

ATTRS = ["cn", "mail", "employeeType", "departmentNumber", "telephoneNumber"]


class CrewDirectory:
    def __init__(self, url: str, bind_dn: str, password: str):
        self.server = Server(url, get_info=ALL)
        self.bind_dn = bind_dn
        self.password = password

    def _conn(self) -> Connection:
        return Connection(self.server, self.bind_dn, self.password, auto_bind=True)

    def build_filter(self, name: str, dept: Optional[str]) -> str:
        parts = ["(objectClass=inetOrgPerson)", f"(cn=*{escape_filter_chars(name)}*)"]
        if dept:
            parts.append(f"(departmentNumber={escape_filter_chars(dept)})")
        return "(&" + "".join(parts) + ")"

    def find(self, name: str, dept: Optional[str] = None) -> List[dict]:
        search_filter = self.build_filter(name, dept)
        with self._conn() as conn:
            conn.search(BASE_DN, search_filter, search_scope=SUBTREE, attributes=ATTRS, size_limit=50)
            return [
                {a: str(entry[a]) for a in ATTRS if a in entry}
                for entry in conn.entries
            ]


directory = CrewDirectory(LDAP_URL, BIND_DN, BIND_PASSWORD)


@app.get("/stagedoor/crew")
def crew_lookup():
    name = request.args.get("name", "").strip()
    dept = request.args.get("dept")
    if len(name) < 2:
        return jsonify(error="name too short"), 400
    people = directory.find(name, dept)
    log.info("stage door lookup returned %d entries", len(people))
    return jsonify(people)
