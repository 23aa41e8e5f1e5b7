"""Supplier contact lookup against the corporate directory.

Supplier contacts are provisioned as LDAP entries under ou=suppliers so that
they can sign in to the portal via the same IdP as employees."""
import logging
import os

from flask import Flask, abort, jsonify, request
from ldap3 import ALL, SUBTREE, Connection, Server

app = Flask(__name__)
log = logging.getLogger("portal.directory")

LDAP_URL = os.environ.get("LDAP_URL", "ldaps://ldap.corp.example.com")
BASE_DN = os.environ.get("SUPPLIER_BASE_DN", "ou=suppliers,dc=corp,dc=example,dc=com")
ATTRS = ["cn", "mail", "telephoneNumber", "supplierId", "title"]


class Directory:
    def __init__(self):
        self.server = Server(LDAP_URL, use_ssl=True, get_info=ALL)

    def _connect(self):
        return Connection(
            self.server,
            user=os.environ["LDAP_BIND_DN"],
            password=os.environ["LDAP_BIND_PASSWORD"],
            auto_bind=True,
        )

    def contacts(self, supplier_id, name_prefix=None):
        clauses = ["(objectClass=supplierContact)", "(supplierId=%s)" % supplier_id]
        if name_prefix:
            clauses.append("(cn=%s*)" % name_prefix)
        search_filter = "(&" + "".join(clauses) + ")"
        with self._connect() as conn:
            conn.search(BASE_DN, search_filter, SUBTREE, attributes=ATTRS)  # VULN flow
            return [self._entry(e) for e in conn.entries]

    @staticmethod
    def _entry(e):
        return {
            "name": str(e.cn),
            "email": str(e.mail),
            "phone": str(e.telephoneNumber) if "telephoneNumber" in e else None,
            "title": str(e.title) if "title" in e else None,
        }


directory = Directory()


@app.route("/api/suppliers/<supplier_id>/contacts")
def supplier_contacts(supplier_id):
    if not supplier_id:
        abort(400)
    prefix = request.args.get("name")
    return jsonify(directory.contacts(supplier_id, prefix))
