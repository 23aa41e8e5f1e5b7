"""Staff directory lookups for the resort intranet (lift ops, patrol, rental)."""
import logging
import os

from flask import Flask, abort, jsonify, request
from ldap3 import ALL, Connection, Server
from ldap3.utils.conv import escape_filter_chars
from ldap3.utils.dn import escape_rdn

app = Flask(__name__)
log = logging.getLogger("intranet.directory")

LDAP_URL = os.environ.get("LDAP_URL", "ldaps://dc1.mountain.local")
BASE_DN = "ou=Staff,dc=mountain,dc=local"
BIND_DN = os.environ.get("LDAP_BIND_DN", "cn=svc-directory,ou=Service,dc=mountain,dc=local")
BIND_PW = os.environ.get("LDAP_BIND_PW", "")

ATTRS = ["uid", "cn", "mail", "telephoneNumber", "department", "title"]


class Directory:
    def __init__(self):
        self.server = Server(LDAP_URL, get_info=ALL, use_ssl=True)

    def _conn(self) -> Connection:
        return Connection(self.server, BIND_DN, BIND_PW, auto_bind=True)

    def search(self, filter_str: str, limit: int = 50):
        conn = self._conn()
        try:
            conn.search(BASE_DN, filter_str, attributes=ATTRS, size_limit=limit)
            return [e.entry_attributes_as_dict for e in conn.entries]
        finally:
            conn.unbind()


directory = Directory()


def staff_filter(name: str, department: str = "") -> str:
    name = escape_filter_chars(name)
    parts = [f"(|(cn=*{name}*)(uid={name}*))"]
    if department:
        parts.append(f"(department={escape_filter_chars(department)})")
    return "(&(objectClass=inetOrgPerson)" + "".join(parts) + ")"


@app.route("/directory/search")
def search_staff():
    name = request.args.get("name", "").strip()
    if len(name) < 2:
        abort(400, "name too short")
    flt = staff_filter(name, request.args.get("dept", ""))
    results = directory.search(flt)
    return jsonify(results)


@app.route("/directory/on-duty/<role>")
def on_duty(role):
    roster_group = request.args.get("group", "patrol")
    group_dn = "cn=%s,ou=Groups,dc=mountain,dc=local" % escape_rdn(roster_group)
    flt = "(&(objectClass=inetOrgPerson)(title=%s)(memberOf=%s))" % (
        escape_filter_chars(role), escape_filter_chars(group_dn))
    return jsonify(directory.search(flt, limit=20))


if __name__ == "__main__":
    app.run(port=5040)
