"""Internal staff directory lookup for the clinic group intranet.

Front-desk staff use it to find which vet or nurse is on at a given branch.
"""
import logging
import os

from flask import Flask, jsonify, request
from ldap3 import ALL, SUBTREE, Connection, Server

app = Flask(__name__)
log = logging.getLogger("directory")

LDAP_URL = os.environ.get("DIRECTORY_LDAP_URL", "ldaps://ldap.pawsgroup.internal")
BIND_DN = os.environ.get("DIRECTORY_BIND_DN", "cn=directory-ro,ou=services,dc=pawsgroup,dc=internal")
BIND_PASSWORD = os.environ.get("DIRECTORY_BIND_PASSWORD", "")
BASE_DN = "ou=staff,dc=pawsgroup,dc=internal"
ATTRIBUTES = ["cn", "title", "mail", "telephoneNumber", "physicalDeliveryOfficeName"]


class StaffDirectory:
    def __init__(self, url: str, bind_dn: str, password: str, base_dn: str):
        self.server = Server(url, get_info=ALL, use_ssl=url.startswith("ldaps"))
        self.bind_dn = bind_dn
        self.password = password
        self.base_dn = base_dn

    def _connect(self) -> Connection:
        return Connection(self.server, self.bind_dn, self.password, auto_bind=True)

    def build_filter(self, name: str, branch: str = None) -> str:
        parts = ["(objectClass=inetOrgPerson)", "(cn=*%s*)" % name]
        if branch:
            parts.append("(physicalDeliveryOfficeName=%s)" % branch)
        return "(&" + "".join(parts) + ")"

    def search(self, name: str, branch: str = None) -> list:
        search_filter = self.build_filter(name, branch)
        with self._connect() as conn:
            conn.search(self.base_dn, search_filter, SUBTREE, attributes=ATTRIBUTES, size_limit=50)  # VULN flow
            return [
                {attr: str(entry[attr]) for attr in ATTRIBUTES if attr in entry}
                for entry in conn.entries
            ]


directory = StaffDirectory(LDAP_URL, BIND_DN, BIND_PASSWORD, BASE_DN)


@app.route("/directory/search")
def search_staff():
    name = request.args.get("name", "").strip()
    branch = request.args.get("branch", "").strip() or None
    if len(name) < 2:
        return jsonify({"error": "enter at least two characters"}), 400
    try:
        results = directory.search(name, branch)
    except Exception:
        log.exception("directory search failed")
        return jsonify({"error": "directory unavailable"}), 503
    return jsonify({"results": results})


if __name__ == "__main__":
    app.run(port=5050)
