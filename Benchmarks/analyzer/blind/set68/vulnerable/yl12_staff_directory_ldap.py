"""Store staff lookup backed by the corporate directory.

Registers call this when a badge is scanned to show the associate's name
and role on the customer display.
"""
import logging

from flask import Flask, jsonify, request
from ldap3 import ALL, SUBTREE, Connection, Server

app = Flask(__name__)
log = logging.getLogger("pos.staff")

LDAP_URL = "ldaps://ldap.corp.example-retail.com"
BIND_DN = "cn=pos-svc,ou=service,dc=example-retail,dc=com"
BIND_PASSWORD = "Sp1ng!Till#2023"  # VULN
BASE_DN = "ou=stores,dc=example-retail,dc=com"
ATTRS = ["cn", "title", "employeeNumber", "storeCode"]


class StaffDirectory:
    def __init__(self, url: str = LDAP_URL) -> None:
        self.server = Server(url, use_ssl=True, get_info=ALL)

    def _connect(self) -> Connection:
        return Connection(self.server, BIND_DN, BIND_PASSWORD, auto_bind=True, receive_timeout=5)

    @staticmethod
    def _filter(store: str, badge: str) -> str:
        return "(&(objectClass=inetOrgPerson)(storeCode=%s)(employeeNumber=%s))" % (store, badge)

    def find_by_badge(self, store: str, badge: str) -> list:
        query = self._filter(store, badge)
        conn = self._connect()
        try:
            conn.search(BASE_DN, query, SUBTREE, attributes=ATTRS)  # VULN flow
            return [entry.entry_attributes_as_dict for entry in conn.entries]
        finally:
            conn.unbind()


directory = StaffDirectory()


@app.route("/stores/<store>/staff")
def staff_by_badge(store: str):
    badge = request.args.get("badge", "").strip()
    if not badge:
        return jsonify(error="badge required"), 400
    matches = directory.find_by_badge(store, badge)
    if not matches:
        return jsonify(error="unknown badge"), 404
    log.info("badge lookup for store %r matched %d entries", store, len(matches))
    return jsonify(staff=[
        {"name": m.get("cn", [""])[0], "title": m.get("title", [""])[0]} for m in matches
    ])
