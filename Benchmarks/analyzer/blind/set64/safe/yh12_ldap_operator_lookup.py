"""Resolve shop-floor badge numbers to directory accounts.

Used by the MES terminal service when an operator badges in, to find the
operator's display name and the production groups they belong to.
"""
import logging
import os
from typing import Optional

from flask import Flask, abort, jsonify, request
from ldap3 import ALL, SUBTREE, Connection, Server
from ldap3.utils.conv import escape_filter_chars

app = Flask(__name__)
log = logging.getLogger("mes.ldap")

LDAP_URL = os.environ.get("MES_LDAP_URL", "ldaps://dc01.plant.local")
BASE_DN = "ou=Production,dc=plant,dc=local"
BIND_DN = os.environ.get("MES_LDAP_BIND_DN", "cn=mes-svc,ou=Service,dc=plant,dc=local")
BIND_PW = os.environ.get("MES_LDAP_BIND_PW", "")


class Directory:
    def __init__(self):
        self.server = Server(LDAP_URL, get_info=ALL, use_ssl=True)

    def _connect(self):
        return Connection(self.server, BIND_DN, BIND_PW, auto_bind=True)

    @staticmethod
    def _badge_filter(badge, site):
        parts = ["(objectClass=person)", "(employeeNumber=%s)" % escape_filter_chars(badge)]
        if site:
            parts.append("(physicalDeliveryOfficeName=%s)" % escape_filter_chars(site))
        return "(&" + "".join(parts) + ")"

    def find_operator(self, badge: str, site: Optional[str] = None):
        query = self._badge_filter(badge, site)
        with self._connect() as conn:
            conn.search(BASE_DN, query, search_scope=SUBTREE,
                        attributes=["cn", "displayName", "memberOf", "employeeNumber"])
            if len(conn.entries) != 1:
                return None
            e = conn.entries[0]
            return {
                "dn": e.entry_dn,
                "name": str(e.displayName),
                "groups": [str(g) for g in e.memberOf],
            }


directory = Directory()


@app.route("/terminal/badge", methods=["POST"])
def badge_in():
    payload = request.get_json(force=True)
    badge = str(payload.get("badge", "")).strip()
    site = payload.get("site")
    if not badge:
        abort(400)
    operator = directory.find_operator(badge, site)
    if operator is None:
        log.info("badge lookup failed")
        abort(404)
    return jsonify(operator)
