"""Directory helper used by the grid-ops portal to resolve control-room operators."""
import logging
import os

from flask import Flask, abort, jsonify
from ldap3 import ALL, SUBTREE, Connection, Server
from ldap3.utils.conv import escape_filter_chars

log = logging.getLogger("gridops.directory")
app = Flask(__name__)

ATTRS = ["uid", "cn", "mail", "telephoneNumber", "employeeType"]


class OperatorDirectory:
    def __init__(self, url: str, bind_dn: str, password: str, base_dn: str):
        self.server = Server(url, use_ssl=True, get_info=ALL)
        self.bind_dn = bind_dn
        self.password = password
        self.base_dn = base_dn

    def _connection(self) -> Connection:
        return Connection(self.server, user=self.bind_dn, password=self.password,
                          auto_bind=True, read_only=True)

    def find_operator(self, username: str) -> list:
        search_filter = "(&(objectClass=inetOrgPerson)(uid=%s))" % escape_filter_chars(username)
        with self._connection() as conn:
            conn.search(self.base_dn, search_filter, SUBTREE, attributes=ATTRS)
            return [e.entry_attributes_as_dict for e in conn.entries]

    def operators_on_shift(self, shift: str) -> list:
        flt = f"(&(objectClass=inetOrgPerson)(departmentNumber=grid-ops)(employeeType={escape_filter_chars(shift)}))"
        with self._connection() as conn:
            conn.search(self.base_dn, flt, SUBTREE, attributes=ATTRS, size_limit=200)
            return [e.entry_attributes_as_dict for e in conn.entries]


def _directory() -> OperatorDirectory:
    return OperatorDirectory(
        os.environ.get("LDAP_URL", "ldaps://ldap.gridco.internal"),
        os.environ["LDAP_BIND_DN"],
        os.environ["LDAP_BIND_PASSWORD"],
        os.environ.get("LDAP_BASE_DN", "ou=people,dc=gridco,dc=internal"),
    )


@app.get("/api/operators/<username>")
def operator(username):
    entries = _directory().find_operator(username)
    if not entries:
        abort(404)
    return jsonify(entries[0])


@app.get("/api/shifts/<shift>/operators")
def shift_roster(shift):
    roster = _directory().operators_on_shift(shift)
    log.info("shift roster %r -> %d operators", shift, len(roster))
    return jsonify(roster)
