"""Author directory lookups backed by the publisher's LDAP."""
import logging
import os

from flask import Flask, abort, jsonify, request
from ldap3 import ALL, SUBTREE, Connection, Server
from ldap3.core.exceptions import LDAPException

app = Flask(__name__)
log = logging.getLogger("authors.ldap")

LDAP_URL = os.environ.get("LDAP_URL", "ldaps://ldap.internal.example:636")
BASE_DN = "ou=authors,dc=press,dc=example"
ATTRS = ["cn", "mail", "imprint", "agentName", "preferredName"]


def connect():
    server = Server(LDAP_URL, get_info=ALL, use_ssl=True)
    return Connection(
        server,
        user=os.environ["LDAP_BIND_DN"],
        password=os.environ["LDAP_BIND_PW"],
        auto_bind=True,
    )


class AuthorQuery:
    """Directory search restricted to authors who opted into the public listing."""

    def __init__(self, name=None, imprint=None):
        self.name = (name or "").strip()
        self.imprint = (imprint or "").strip()

    def to_filter(self):
        parts = ["(objectClass=authorPerson)", "(publicProfile=TRUE)"]
        if self.name:
            parts.append(f"(|(cn=*{self.name}*)(preferredName=*{self.name}*))")
        if self.imprint:
            parts.append(f"(imprint={self.imprint})")
        return "(&" + "".join(parts) + ")"


def search_authors(query, limit=25):
    ldap_filter = query.to_filter()
    with connect() as conn:
        conn.search(BASE_DN, ldap_filter, search_scope=SUBTREE, attributes=ATTRS, size_limit=limit)  # VULN flow
        return [entry.entry_attributes_as_dict for entry in conn.entries]


@app.get("/api/authors")
def authors():
    query = AuthorQuery(request.args.get("name"), request.args.get("imprint"))
    if not (query.name or query.imprint):
        abort(400, "name or imprint required")
    try:
        results = search_authors(query)
    except LDAPException:
        log.exception("author directory search failed")
        abort(503)
    return jsonify(results=results, count=len(results))
