"""Observer directory lookups used by the proposal system."""
import logging
import os

from flask import Flask, abort, jsonify, request
from ldap3 import SUBTREE, Connection, Server
from ldap3.utils.conv import escape_filter_chars

app = Flask(__name__)
log = logging.getLogger("directory")

LDAP_URL = os.environ.get("LDAP_URL", "ldaps://ldap.obs.internal")
BASE_DN = "ou=people,dc=observatory,dc=org"
BIND_DN = os.environ.get("LDAP_BIND_DN", "cn=proposals,ou=services,dc=observatory,dc=org")
ATTRS = ["uid", "cn", "mail", "o", "memberOf"]


class Directory:
    def __init__(self, url: str):
        self.server = Server(url, use_ssl=True)

    def _connect(self) -> Connection:
        return Connection(self.server, BIND_DN, os.environ["LDAP_BIND_PASSWORD"], auto_bind=True)

    def find(self, search_filter: str, limit: int = 50) -> list:
        conn = self._connect()
        try:
            conn.search(BASE_DN, search_filter, search_scope=SUBTREE, attributes=ATTRS, size_limit=limit)
            return [e.entry_attributes_as_dict for e in conn.entries]
        finally:
            conn.unbind()


directory = Directory(LDAP_URL)


def observer_filter(uid=None, institute=None) -> str:
    parts = ["(objectClass=inetOrgPerson)", "(!(nsAccountLock=true))"]
    if uid:
        parts.append(f"(uid={escape_filter_chars(uid)})")
    if institute:
        parts.append(f"(o={escape_filter_chars(institute)}*)")
    return "(&" + "".join(parts) + ")"


@app.route("/observers/search")
def search_observers():
    uid = request.args.get("uid")
    institute = request.args.get("institute")
    if not uid and not institute:
        abort(400)
    results = directory.find(observer_filter(uid, institute))
    return jsonify([{k: r.get(k) for k in ("uid", "cn", "o")} for r in results])


@app.route("/observers/<uid>/groups")
def observer_groups(uid):
    results = directory.find(observer_filter(uid=uid), limit=1)
    if not results:
        abort(404)
    return jsonify(results[0].get("memberOf", []))
