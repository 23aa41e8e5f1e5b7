"""Employee directory lookups backed by the corporate LDAP server."""
import os
import ssl
from contextlib import contextmanager

from flask import Blueprint, abort, jsonify, request
from ldap3 import SUBTREE, Connection, Server, Tls

directory = Blueprint("directory", __name__, url_prefix="/directory")

LDAP_URL = os.environ.get("LDAP_URL", "ldaps://ldap.corp.example.com")
BASE_DN = os.environ.get("LDAP_BASE_DN", "ou=people,dc=corp,dc=example,dc=com")
ATTRIBUTES = ["uid", "cn", "mail", "title", "telephoneNumber", "departmentNumber"]


@contextmanager
def ldap_connection():
    server = Server(LDAP_URL, use_ssl=True, tls=Tls(validate=ssl.CERT_REQUIRED))
    conn = Connection(
        server,
        user=os.environ["LDAP_BIND_DN"],
        password=os.environ["LDAP_BIND_PASSWORD"],
        auto_bind=True,
        read_only=True,
    )
    try:
        yield conn
    finally:
        conn.unbind()


def person_filter(uid: str = "", department: str = "") -> str:
    parts = ["(objectClass=inetOrgPerson)"]
    if uid:
        parts.append(f"(uid={uid})")
    if department:
        parts.append(f"(departmentNumber={department})")
    return "(&" + "".join(parts) + ")"


def entry_to_dict(entry) -> dict:
    attrs = entry.entry_attributes_as_dict
    return {key: values[0] if len(values) == 1 else values for key, values in attrs.items()}


@directory.get("/people/<uid>")
def get_person(uid: str):
    with ldap_connection() as conn:
        conn.search(BASE_DN, person_filter(uid=uid), search_scope=SUBTREE,  # VULN flow
                    attributes=ATTRIBUTES, size_limit=1)
        if not conn.entries:
            abort(404)
        return jsonify(entry_to_dict(conn.entries[0]))


@directory.get("/people")
def list_people():
    department = request.args.get("department", "").strip()
    if not department:
        abort(400, description="department is required")
    query = person_filter(department=department)
    with ldap_connection() as conn:
        conn.search(BASE_DN, query, search_scope=SUBTREE, attributes=ATTRIBUTES, size_limit=500)  # VULN flow
        return jsonify([entry_to_dict(entry) for entry in conn.entries])
