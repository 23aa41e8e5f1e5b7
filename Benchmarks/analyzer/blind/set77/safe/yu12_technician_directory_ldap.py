"""Internal lookup tool for dispatchers: find field technicians in the corporate directory."""
import logging
import os

import ldap
from ldap.filter import escape_filter_chars
from flask import Flask, jsonify, request

app = Flask(__name__)
log = logging.getLogger("directory")

LDAP_URI = os.environ.get("LDAP_URI", "ldaps://ldap.fixitnow.internal")
BASE_DN = "ou=technicians,dc=fixitnow,dc=internal"
BIND_DN = os.environ.get("LDAP_BIND_DN", "cn=dispatch-ro,dc=fixitnow,dc=internal")
BIND_PW = os.environ.get("LDAP_BIND_PW", "")
ATTRS = ["cn", "mail", "telephoneNumber", "l", "title"]
TRADES = {"plumbing", "electrical", "hvac", "cleaning", "carpentry"}


class Directory:
    def __init__(self, uri: str):
        self.conn = ldap.initialize(uri)
        self.conn.set_option(ldap.OPT_REFERRALS, 0)
        self.conn.simple_bind_s(BIND_DN, BIND_PW)

    def search(self, flt: str):
        results = self.conn.search_s(BASE_DN, ldap.SCOPE_SUBTREE, flt, ATTRS)
        return [
            {k: [v.decode() for v in vals] for k, vals in entry.items()}
            for dn, entry in results
            if dn
        ]


def build_filter(name: str, city: str | None, trade: str | None) -> str:
    parts = ["(objectClass=inetOrgPerson)", f"(cn=*{escape_filter_chars(name)}*)"]
    if city:
        parts.append(f"(l={escape_filter_chars(city)})")
    if trade in TRADES:
        parts.append(f"(businessCategory={trade})")
    return "(&" + "".join(parts) + ")"


_directory = None


def directory() -> Directory:
    global _directory
    if _directory is None:
        _directory = Directory(LDAP_URI)
    return _directory


@app.route("/technicians")
def find_technicians():
    name = request.args.get("name", "").strip()
    if len(name) < 2:
        return jsonify({"error": "name must be at least 2 characters"}), 400
    flt = build_filter(name, request.args.get("city"), request.args.get("trade"))
    try:
        people = directory().search(flt)
    except ldap.LDAPError as exc:
        log.error("ldap search failed: %s", exc)
        return jsonify({"error": "directory unavailable"}), 502
    return jsonify({"count": len(people), "technicians": people})
