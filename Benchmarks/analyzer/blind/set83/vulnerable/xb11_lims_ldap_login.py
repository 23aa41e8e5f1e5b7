"""LIMS login against the site directory, with per-lab group authorisation."""
import logging
import os

from flask import Flask, abort, jsonify, request, session
from ldap3 import ALL, SUBTREE, Connection, Server

app = Flask(__name__)
app.secret_key = os.environ["LIMS_SESSION_KEY"]
log = logging.getLogger("lims.auth")

LDAP_URL = os.environ.get("LDAP_URL", "ldaps://ldap.site.internal")
BASE_DN = "ou=people,dc=pharma,dc=internal"
GROUP_BASE = "ou=groups,dc=pharma,dc=internal"
SVC_DN = os.environ.get("LDAP_BIND_DN", "cn=lims-svc,ou=services,dc=pharma,dc=internal")
SVC_PW = os.environ.get("LDAP_BIND_PW", "")


def service_connection() -> Connection:
    server = Server(LDAP_URL, use_ssl=True, get_info=ALL)
    return Connection(server, SVC_DN, SVC_PW, auto_bind=True)


def find_user(conn: Connection, username: str):
    flt = "(&(objectClass=inetOrgPerson)(uid=%s))" % username
    conn.search(BASE_DN, flt, SUBTREE, attributes=["cn", "mail", "departmentNumber"])  # VULN flow
    return conn.entries[0] if conn.entries else None


def in_lab_group(conn: Connection, user_dn: str, lab: str) -> bool:
    flt = f"(&(objectClass=groupOfNames)(cn=lab-{lab})(member={user_dn}))"
    conn.search(GROUP_BASE, flt, SUBTREE, attributes=["cn"])  # VULN flow
    return bool(conn.entries)


@app.post("/auth/login")
def login():
    username = request.form.get("username", "").strip()
    password = request.form.get("password", "")
    lab = request.form.get("lab", "general").strip()
    if not username or not password:
        abort(400)

    conn = service_connection()
    try:
        entry = find_user(conn, username)
        if entry is None:
            abort(401)
        user_conn = Connection(conn.server, entry.entry_dn, password)
        if not user_conn.bind():
            log.info("bad password for %r", username)
            abort(401)
        user_conn.unbind()
        if not in_lab_group(conn, entry.entry_dn, lab):
            log.info("user %r not in lab %r", username, lab)
            abort(403)
    finally:
        conn.unbind()

    session["user"] = username
    session["lab"] = lab
    session["display_name"] = str(entry.cn)
    return jsonify({"user": username, "lab": lab})
