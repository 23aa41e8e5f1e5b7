"""Look up claims adjusters in the corporate directory for assignment screens."""
import logging
import os

from flask import Flask, jsonify, request
from ldap3 import SUBTREE, Connection, Server
from ldap3.utils.conv import escape_filter_chars

app = Flask(__name__)
log = logging.getLogger("adjusters.directory")

LDAP_URL = os.environ.get("LDAP_URL", "ldaps://ldap.corp.example:636")
BIND_DN = os.environ.get("LDAP_BIND_DN", "cn=svc-claims,ou=services,dc=corp,dc=example")
BIND_PASSWORD = os.environ.get("LDAP_BIND_PASSWORD", "")
BASE_DN = "ou=people,dc=corp,dc=example"
ADJUSTER_GROUP = "cn=claims-adjusters,ou=groups,dc=corp,dc=example"
ATTRIBUTES = ["cn", "mail", "employeeNumber", "l", "title", "telephoneNumber"]

SEARCH_FIELDS = {"name": "cn", "employee": "employeeNumber", "region": "l"}


class AdjusterDirectory:
    def __init__(self, url, bind_dn, password):
        self.server = Server(url, use_ssl=True, connect_timeout=5)
        self.bind_dn = bind_dn
        self.password = password

    def _filter(self, attribute, value, prefix=False):
        escaped = escape_filter_chars(value) + ("*" if prefix else "")
        return "(&(objectClass=inetOrgPerson)(memberOf=%s)(%s=%s))" % (
            ADJUSTER_GROUP, attribute, escaped)

    def search(self, attribute, value, prefix=False, limit=50):
        search_filter = self._filter(attribute, value, prefix)
        with Connection(self.server, self.bind_dn, self.password,
                        auto_bind=True, receive_timeout=10) as conn:
            conn.search(BASE_DN, search_filter, search_scope=SUBTREE, attributes=ATTRIBUTES, size_limit=limit)
            return [entry.entry_attributes_as_dict for entry in conn.entries]


directory = AdjusterDirectory(LDAP_URL, BIND_DN, BIND_PASSWORD)


@app.get("/adjusters")
def find_adjusters():
    by = request.args.get("by", "name")
    term = request.args.get("q", "").strip()
    attribute = SEARCH_FIELDS.get(by)
    if attribute is None or not term:
        return jsonify({"error": "by must be name|employee|region and q is required"}), 400
    prefix = by == "name"
    results = directory.search(attribute, term, prefix=prefix)
    log.info("directory lookup by %s for %r returned %d", by, term, len(results))
    return jsonify({"adjusters": results})
