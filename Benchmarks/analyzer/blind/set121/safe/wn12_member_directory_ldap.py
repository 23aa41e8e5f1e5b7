"""Member directory for the county beekeepers' association.

Members can look each other up (e.g. to find a mentor nearby) and the swarm
line checks whether a caller is on the swarm-collector roster.
"""
import logging
import os

from flask import Flask, abort, jsonify, request
from ldap3 import ALL, SUBTREE, Connection, Server
from ldap3.utils.conv import escape_filter_chars

app = Flask(__name__)
log = logging.getLogger("member_directory")

LDAP_URL = os.environ.get("LDAP_URL", "ldaps://ldap.beekeepers.example")
BASE_DN = "ou=members,dc=beekeepers,dc=example"
COLLECTORS_GROUP = "cn=swarm-collectors,ou=groups,dc=beekeepers,dc=example"
PUBLIC_ATTRS = ["cn", "l", "mail", "description"]


class Directory:
    def __init__(self, url: str):
        self.server = Server(url, use_ssl=True, get_info=ALL)

    def _connect(self) -> Connection:
        return Connection(
            self.server,
            user=os.environ["LDAP_BIND_DN"],
            password=os.environ["LDAP_BIND_PASSWORD"],
            auto_bind=True,
        )

    def find_members(self, name_fragment: str, village: str = ""):
        search_filter = "(&(objectClass=inetOrgPerson)(cn=*%s*)" % escape_filter_chars(name_fragment)
        if village:
            search_filter += "(l=%s)" % escape_filter_chars(village)
        search_filter += ")"
        conn = self._connect()
        try:
            conn.search(BASE_DN, search_filter, search_scope=SUBTREE, attributes=PUBLIC_ATTRS)
            return [e.entry_attributes_as_dict for e in conn.entries]
        finally:
            conn.unbind()

    def is_collector(self, uid: str) -> bool:
        query = f"(&(uid={escape_filter_chars(uid)})(memberOf={COLLECTORS_GROUP}))"
        conn = self._connect()
        try:
            conn.search(BASE_DN, query, search_scope=SUBTREE, attributes=["uid"])
            return len(conn.entries) > 0
        finally:
            conn.unbind()


directory = Directory(LDAP_URL)


@app.get("/members")
def search_members():
    name = request.args.get("name", "").strip()
    if len(name) < 2:
        abort(400, "name must be at least two characters")
    results = directory.find_members(name, request.args.get("village", "").strip())
    log.info("directory search %r returned %d entries", name, len(results))
    return jsonify(members=results)


@app.get("/collectors/<uid>")
def collector_status(uid):
    return jsonify(uid=uid, collector=directory.is_collector(uid))
