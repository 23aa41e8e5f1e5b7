"""Helpdesk lookup tool: search employees in the corporate LDAP directory."""
import os

from flask import Flask, jsonify, request
from ldap3 import SUBTREE, Connection, Server
from ldap3.utils.conv import escape_filter_chars

app = Flask(__name__)

SEARCH_FIELDS = {"uid": "uid", "email": "mail", "department": "departmentNumber"}
RETURN_ATTRS = ["cn", "mail", "telephoneNumber", "title", "departmentNumber"]


class DirectoryClient:
    def __init__(self, url, bind_dn, password, base_dn):
        self.server = Server(url, use_ssl=True)
        self.conn = Connection(self.server, bind_dn, password, auto_bind=True)
        self.base_dn = base_dn

    @staticmethod
    def _filter(attribute, value):
        return f"(&(objectClass=inetOrgPerson)(!(nsAccountLock=TRUE))({attribute}={value}))"

    def find(self, attribute, value, limit=25):
        flt = self._filter(attribute, escape_filter_chars(value))
        self.conn.search(self.base_dn, flt, SUBTREE, attributes=RETURN_ATTRS, size_limit=limit)
        return [
            {attr: entry[attr].value for attr in RETURN_ATTRS if attr in entry}
            for entry in self.conn.entries
        ]


_client = None


def directory():
    global _client
    if _client is None:
        _client = DirectoryClient(
            os.environ.get("LDAP_URL", "ldaps://ldap.corp.example"),
            os.environ["LDAP_BIND_DN"],
            os.environ["LDAP_BIND_PASSWORD"],
            os.environ.get("LDAP_BASE_DN", "ou=people,dc=corp,dc=example"),
        )
    return _client


@app.get("/people")
def people():
    field = request.args.get("by", "uid")
    term = request.args.get("q", "").strip()
    if field not in SEARCH_FIELDS or not term:
        return jsonify(error="use ?by=uid|email|department&q=..."), 400
    results = directory().find(SEARCH_FIELDS[field], term)
    return jsonify(count=len(results), results=results)
