"""Staff directory search for the research institute intranet."""
import logging
import os
import ssl
from contextlib import contextmanager

from flask import Blueprint, jsonify, request
from flask_login import login_required
from ldap3 import SUBTREE, Connection, Server, Tls

logger = logging.getLogger(__name__)
bp = Blueprint("directory", __name__, url_prefix="/directory")

LDAP_URL = os.environ["DIRECTORY_LDAP_URL"]
BIND_DN = os.environ["DIRECTORY_BIND_DN"]
BIND_PASSWORD = os.environ["DIRECTORY_BIND_PASSWORD"]
BASE_DN = "ou=people,dc=northfield-research,dc=org"
ATTRIBUTES = ["cn", "mail", "title", "departmentNumber", "telephoneNumber", "roomNumber"]


@contextmanager
def directory_connection():
    server = Server(LDAP_URL, use_ssl=True, tls=Tls(validate=ssl.CERT_REQUIRED))
    conn = Connection(server, user=BIND_DN, password=BIND_PASSWORD, auto_bind=True, read_only=True)
    try:
        yield conn
    finally:
        conn.unbind()


def build_filter(term, department=None):
    clauses = [f"(|(cn=*{term}*)(mail=*{term}*)(title=*{term}*))"]
    if department:
        clauses.append(f"(departmentNumber={department})")
    return "(&(objectClass=inetOrgPerson)(!(employeeType=disabled))" + "".join(clauses) + ")"


def entry_to_dict(entry):
    attrs = entry.entry_attributes_as_dict
    return {name: (attrs.get(name) or [None])[0] for name in ATTRIBUTES}


@bp.get("/search")
@login_required
def search():
    term = request.args.get("q", "").strip()
    if len(term) < 2:
        return jsonify({"error": "search term must be at least 2 characters"}), 400
    ldap_filter = build_filter(term, request.args.get("department"))

    with directory_connection() as conn:
        conn.search(BASE_DN, ldap_filter, search_scope=SUBTREE, attributes=ATTRIBUTES, size_limit=50)  # VULN flow
        people = [entry_to_dict(e) for e in conn.entries]

    logger.info("directory search q=%r results=%d", term, len(people))
    return jsonify({"count": len(people), "people": people})


@bp.get("/departments")
@login_required
def departments():
    with directory_connection() as conn:
        conn.search("ou=departments,dc=northfield-research,dc=org", "(objectClass=organizationalUnit)",
                    search_scope=SUBTREE, attributes=["ou", "description"])
        return jsonify([{"id": str(e.ou), "name": str(e.description)} for e in conn.entries])
