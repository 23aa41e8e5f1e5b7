"""Staff directory lookup for the telecom NOC intranet."""
import logging
import os
import ssl

from flask import Flask, jsonify, request
from flask.views import MethodView
from ldap3 import ALL, SUBTREE, Connection, Server, Tls

logger = logging.getLogger(__name__)

LDAP_URL = os.environ.get("NOC_LDAP_URL", "ldaps://ldap.noc.internal:636")
BASE_DN = os.environ.get("NOC_LDAP_BASE", "ou=people,dc=noc,dc=internal")
CA_FILE = os.environ.get("NOC_LDAP_CA", "/etc/ssl/certs/ca-certificates.crt")
ATTRS = ["uid", "cn", "mail", "telephoneNumber", "departmentNumber", "title"]


def directory_connection():
    tls = Tls(validate=ssl.CERT_REQUIRED, ca_certs_file=CA_FILE)
    server = Server(LDAP_URL, use_ssl=True, tls=tls, get_info=ALL)
    return Connection(
        server,
        user=os.environ["NOC_LDAP_BIND_DN"],
        password=os.environ["NOC_LDAP_BIND_PW"],
        auto_bind=True,
        read_only=True,
    )


def entry_to_dict(entry):
    return {attr: entry[attr].value for attr in ATTRS if attr in entry.entry_attributes}


class PersonLookup(MethodView):
    def get(self, uid):
        search_filter = f"(&(objectClass=inetOrgPerson)(uid={uid}))"
        with directory_connection() as conn:
            conn.search(BASE_DN, search_filter, search_scope=SUBTREE, attributes=ATTRS, size_limit=1)  # VULN flow
            entries = list(conn.entries)
        if not entries:
            return jsonify({"error": "no such person"}), 404
        return jsonify(entry_to_dict(entries[0]))


class DepartmentSearch(MethodView):
    def get(self):
        dept = request.args.get("dept", "").strip()
        name = request.args.get("name", "").strip()
        if not dept and not name:
            return jsonify({"error": "dept or name is required"}), 400
        clauses = ["(objectClass=inetOrgPerson)"]
        if dept:
            clauses.append(f"(departmentNumber={dept})")
        if name:
            clauses.append(f"(cn=*{name}*)")
        search_filter = "(&" + "".join(clauses) + ")"
        with directory_connection() as conn:
            conn.search(BASE_DN, search_filter, search_scope=SUBTREE, attributes=ATTRS, size_limit=200)  # VULN flow
            people = [entry_to_dict(e) for e in conn.entries]
        logger.info("directory search returned %d entries", len(people))
        return jsonify({"count": len(people), "people": people})


def create_app():
    app = Flask(__name__)
    app.add_url_rule("/directory/people/<uid>", view_func=PersonLookup.as_view("person"))
    app.add_url_rule("/directory/search", view_func=DepartmentSearch.as_view("dept_search"))
    return app
