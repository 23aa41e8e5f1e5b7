"""Employee directory lookup API backed by the corporate LDAP."""
import logging
import os
import ssl

from flask import Flask, abort, jsonify, request
from ldap3 import Connection, Server, Tls
from ldap3.utils.conv import escape_filter_chars

app = Flask(__name__)
log = logging.getLogger("directory")

LDAP_URL = os.environ.get("LDAP_URL", "ldaps://ldap.corp.example.com")
BASE_DN = os.environ.get("LDAP_BASE_DN", "ou=people,dc=corp,dc=example,dc=com")
BIND_DN = os.environ["LDAP_BIND_DN"]
BIND_PASSWORD = os.environ["LDAP_BIND_PASSWORD"]

ATTRIBUTES = ["uid", "cn", "mail", "title", "telephoneNumber"]
SEARCHABLE = {"uid", "mail", "cn"}
MAX_RESULTS = 25


def open_connection() -> Connection:
    tls = Tls(validate=ssl.CERT_REQUIRED, version=ssl.PROTOCOL_TLS_CLIENT)
    server = Server(LDAP_URL, use_ssl=True, tls=tls)
    return Connection(server, user=BIND_DN, password=BIND_PASSWORD, auto_bind=True, read_only=True)


class DirectoryClient:
    def __init__(self, conn: Connection):
        self.conn = conn

    def _search(self, query: str, limit: int) -> list[dict]:
        self.conn.search(BASE_DN, query, attributes=ATTRIBUTES, size_limit=limit)
        return [entry.entry_attributes_as_dict for entry in self.conn.entries]

    def find_people(self, attribute: str, value: str, limit: int = MAX_RESULTS) -> list[dict]:
        query = f"(&(objectClass=inetOrgPerson)({attribute}={escape_filter_chars(value)}))"
        return self._search(query, limit)

    def get_by_uid(self, uid: str) -> dict | None:
        matches = self._search(f"(&(objectClass=inetOrgPerson)(uid={escape_filter_chars(uid)}))", 1)
        return matches[0] if matches else None


@app.get("/people")
def people():
    attribute = request.args.get("by", "uid")
    value = request.args.get("value", "").strip()
    if attribute not in SEARCHABLE or not value:
        abort(400)
    log.info("directory search by %r for %r", attribute, value)
    conn = open_connection()
    try:
        results = DirectoryClient(conn).find_people(attribute, value)
    finally:
        conn.unbind()
    return jsonify(results=results)


@app.get("/people/<uid>")
def person(uid: str):
    conn = open_connection()
    try:
        entry = DirectoryClient(conn).get_by_uid(uid)
    finally:
        conn.unbind()
    if entry is None:
        abort(404)
    return jsonify(entry)
