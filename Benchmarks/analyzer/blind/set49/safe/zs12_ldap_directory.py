"""Directory lookup endpoint used by the onboarding dashboard.

Looks people up in the corporate LDAP so hiring managers can pick a buddy
or a reporting line for new starters.
"""
import logging
import os

from flask import Flask, jsonify, request
from ldap3 import SUBTREE, Connection, Server
from ldap3.utils.conv import escape_filter_chars

app = Flask(__name__)
log = logging.getLogger("directory")

LOOKUP_ATTRS = {"uid", "mail", "cn", "departmentNumber"}
RETURN_ATTRS = ["uid", "cn", "mail", "title", "departmentNumber", "manager"]


class DirectoryClient:
    def __init__(self, url: str, bind_dn: str, password: str, base_dn: str):
        self.server = Server(url, use_ssl=True, connect_timeout=5)
        self.bind_dn = bind_dn
        self.password = password
        self.base_dn = base_dn

    def _filter_for(self, attr: str, value: str) -> str:
        if attr not in LOOKUP_ATTRS:
            raise ValueError("unsupported attribute")
        return f"(&(objectClass=inetOrgPerson)(!(employeeType=disabled))({attr}={escape_filter_chars(value)}))"

    def find(self, attr: str, value: str, limit: int = 25) -> list:
        search_filter = self._filter_for(attr, value)
        with Connection(self.server, self.bind_dn, self.password, auto_bind=True,
                        receive_timeout=10) as conn:
            conn.search(self.base_dn, search_filter, SUBTREE,
                        attributes=RETURN_ATTRS, size_limit=limit)
            return [entry.entry_attributes_as_dict for entry in conn.entries]


directory = DirectoryClient(
    url=os.environ.get("LDAP_URL", "ldaps://ldap.corp.example.com"),
    bind_dn=os.environ.get("LDAP_BIND_DN", "cn=onboarding-svc,ou=services,dc=corp,dc=example,dc=com"),
    password=os.environ.get("LDAP_BIND_PASSWORD", ""),
    base_dn=os.environ.get("LDAP_BASE_DN", "ou=people,dc=corp,dc=example,dc=com"),
)


@app.get("/api/directory/search")
def directory_search():
    attr = request.args.get("by", "uid")
    value = request.args.get("q", "").strip()
    if attr not in LOOKUP_ATTRS or not value:
        return jsonify(error="invalid lookup"), 400
    try:
        people = directory.find(attr, value)
    except Exception:
        log.exception("ldap lookup failed")
        return jsonify(error="directory unavailable"), 503
    return jsonify(count=len(people), people=people)
