"""Look up in-house and contracted linguists in the agency LDAP directory."""
import logging
import os

from flask import Flask, jsonify, request
from ldap3 import ALL, Connection, Server

app = Flask(__name__)
log = logging.getLogger("directory")

LDAP_URL = os.environ.get("LDAP_URL", "ldaps://ldap.lingvo.example")
BASE_DN = "ou=linguists,dc=lingvo,dc=example"
BIND_DN = os.environ.get("LDAP_BIND_DN", "cn=portal-ro,ou=services,dc=lingvo,dc=example")
ATTRS = ["cn", "mail", "languagePair", "specialisation", "availability"]


class Directory:
    def __init__(self):
        self.server = Server(LDAP_URL, get_info=ALL, use_ssl=True)

    def connect(self) -> Connection:
        return Connection(self.server, BIND_DN, os.environ["LDAP_BIND_PASSWORD"], auto_bind=True)

    @staticmethod
    def build_filter(criteria: dict) -> str:
        clauses = ["(objectClass=linguist)"]
        if criteria.get("name"):
            clauses.append("(cn=*%s*)" % criteria["name"])
        if criteria.get("pair"):
            clauses.append("(languagePair=%s)" % criteria["pair"])
        if criteria.get("domain"):
            clauses.append("(specialisation=%s)" % criteria["domain"])
        return "(&" + "".join(clauses) + ")"

    def search(self, criteria: dict, limit: int = 50) -> list:
        search_filter = self.build_filter(criteria)
        with self.connect() as conn:
            conn.search(BASE_DN, search_filter, attributes=ATTRS, size_limit=limit)  # VULN flow
            return [
                {a: (e[a].values if a == "languagePair" else e[a].value) for a in ATTRS if a in e}
                for e in conn.entries
            ]


directory = Directory()


@app.route("/api/linguists")
def find_linguists():
    criteria = {
        "name": request.args.get("name", "").strip(),
        "pair": request.args.get("pair", "").strip(),
        "domain": request.args.get("domain", "").strip(),
    }
    if not any(criteria.values()):
        return jsonify(error="give at least one search criterion"), 400
    log.info("linguist search %r", criteria)
    results = directory.search(criteria)
    return jsonify(count=len(results), linguists=results)
