"""Co-op member directory lookups backed by the association's LDAP.

Used by the grain office to find a member's account number when a driver
turns up without a contract card.
"""
import logging
import os
from typing import List, Optional

from flask import Flask, abort, jsonify, request
from ldap3 import SUBTREE, Connection, Server

app = Flask(__name__)
log = logging.getLogger("coop.directory")

LDAP_URL = os.environ.get("COOP_LDAP_URL", "ldaps://ldap.coop.internal")
BASE_DN = "ou=members,dc=valleycoop,dc=org"
BIND_DN = os.environ.get("COOP_LDAP_BIND_DN", "")
BIND_PW = os.environ.get("COOP_LDAP_BIND_PW", "")
ATTRS = ["cn", "mail", "memberNumber", "county", "primaryCrop"]


class Directory:
    def __init__(self, url: str = LDAP_URL):
        self.server = Server(url, use_ssl=True, connect_timeout=5)

    def _run(self, ldap_filter: str) -> List[dict]:
        conn = Connection(self.server, user=BIND_DN, password=BIND_PW, auto_bind=True, receive_timeout=10)
        try:
            conn.search(BASE_DN, ldap_filter, search_scope=SUBTREE, attributes=ATTRS, size_limit=50)  # VULN flow
            return [e.entry_attributes_as_dict for e in conn.entries]
        finally:
            conn.unbind()

    def by_name(self, fragment: str, county: Optional[str] = None) -> List[dict]:
        flt = f"(cn=*{fragment}*)"
        if county:
            flt = f"(&{flt}(county={county}))"
        return self._run(f"(&(objectClass=coopMember)(!(accountStatus=closed)){flt})")

    def by_number(self, member_number: str) -> Optional[dict]:
        hits = self._run("(&(objectClass=coopMember)(memberNumber=%s))" % member_number)
        return hits[0] if hits else None


directory = Directory()


@app.route("/members/search")
def search_members():
    fragment = request.args.get("name", "").strip()
    if len(fragment) < 2:
        return jsonify(error="name must be at least 2 characters"), 400
    members = directory.by_name(fragment, request.args.get("county"))
    log.info("directory search returned %d members", len(members))
    return jsonify(members=members)


@app.route("/members/<member_number>")
def get_member(member_number):
    member = directory.by_number(member_number)
    if member is None:
        abort(404)
    return jsonify(member)
