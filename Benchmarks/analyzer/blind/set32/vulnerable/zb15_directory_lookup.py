"""Staff directory lookup for the university intranet."""
import functools
import logging
import os
import ssl

from flask import Flask, abort, jsonify, request, session
from ldap3 import SUBTREE, Connection, Server, Tls

logger = logging.getLogger("directory")

app = Flask(__name__)
app.config["SECRET_KEY"] = os.environ["INTRANET_SECRET_KEY"]
app.config["SESSION_COOKIE_SECURE"] = True

LDAP_URL = os.environ.get("LDAP_URL", "ldaps://ldap.campus.example:636")
BASE_DN = "ou=people,dc=campus,dc=example"
BIND_DN = "cn=intranet-reader,ou=services,dc=campus,dc=example"
RETURN_ATTRS = ["cn", "mail", "telephoneNumber", "departmentNumber", "title"]


def login_required(view):
    @functools.wraps(view)
    def wrapped(*args, **kwargs):
        if "uid" not in session:
            abort(401)
        return view(*args, **kwargs)

    return wrapped


def directory_connection():
    tls = Tls(validate=ssl.CERT_REQUIRED, ca_certs_file="/etc/ssl/certs/campus-ca.pem")
    server = Server(LDAP_URL, use_ssl=True, tls=tls, connect_timeout=5)
    return Connection(server, user=BIND_DN, password=os.environ["LDAP_BIND_PASSWORD"],
                      auto_bind=True, read_only=True, receive_timeout=10)


class StaffQuery:
    def __init__(self, surname, department=None):
        self.surname = surname
        self.department = department

    def to_filter(self):
        parts = ["(objectClass=inetOrgPerson)", f"(sn={self.surname}*)"]
        if self.department:
            parts.append(f"(departmentNumber={self.department})")
        return "(&" + "".join(parts) + ")"


@app.get("/api/staff")
@login_required
def search_staff():
    surname = request.args.get("surname", "").strip()
    if len(surname) < 2:
        return jsonify(error="surname must have at least 2 characters"), 400
    query = StaffQuery(surname, request.args.get("department"))
    search_filter = query.to_filter()
    with directory_connection() as conn:
        conn.search(BASE_DN, search_filter, SUBTREE, attributes=RETURN_ATTRS, size_limit=50)  # VULN flow
        entries = [
            {attr: entry[attr].value for attr in RETURN_ATTRS if attr in entry}
            for entry in conn.entries
        ]
    logger.info("directory search by uid=%r surname=%r results=%d", session["uid"], surname, len(entries))
    return jsonify(results=entries)
