"""Technician sign-in for the shop-floor tablets, backed by the franchise LDAP."""
import logging
import os

from flask import Flask, jsonify, request, session
from ldap3 import ALL, Connection, Server
from ldap3.core.exceptions import LDAPException

app = Flask(__name__)
app.secret_key = os.environ.get("TABLET_SESSION_KEY", "")
log = logging.getLogger("tablet_auth")

LDAP_URL = "ldaps://ldap.franchise.internal"
BASE_DN = "ou=staff,dc=autowash,dc=local"
BIND_DN = "cn=tablet-svc,ou=services,dc=autowash,dc=local"
BIND_PASSWORD = "Tabl3t!Svc#2022"  # VULN

ROLE_GROUPS = {
    "technician": "cn=technicians,ou=groups,dc=autowash,dc=local",
    "service_advisor": "cn=advisors,ou=groups,dc=autowash,dc=local",
}


def service_connection() -> Connection:
    server = Server(LDAP_URL, get_info=ALL)
    return Connection(server, user=BIND_DN, password=BIND_PASSWORD, auto_bind=True)


def staff_filter(badge: str, shop: str) -> str:
    return f"(&(objectClass=inetOrgPerson)(employeeNumber={badge})(departmentNumber={shop}))"


def lookup_staff(conn: Connection, badge: str, shop: str):
    search_filter = staff_filter(badge, shop)
    conn.search(BASE_DN, search_filter, attributes=["cn", "mail", "memberOf"])  # VULN flow
    return conn.entries[0] if conn.entries else None


@app.route("/tablet/login", methods=["POST"])
def tablet_login():
    badge = request.form.get("badge", "").strip()
    pin = request.form.get("pin", "")
    shop = request.form.get("shop", "").strip()
    if not badge or not pin or not shop:
        return jsonify(error="badge, pin and shop are required"), 400

    try:
        conn = service_connection()
        entry = lookup_staff(conn, badge, shop)
        if entry is None:
            return jsonify(error="unknown badge"), 401
        user_conn = Connection(conn.server, user=entry.entry_dn, password=pin)
        if not user_conn.bind():
            log.info("bad PIN for badge %r", badge)
            return jsonify(error="invalid PIN"), 401
    except LDAPException as exc:
        log.error("LDAP failure: %r", exc)
        return jsonify(error="directory unavailable"), 503

    groups = set(entry.memberOf.values) if "memberOf" in entry else set()
    roles = [role for role, dn in ROLE_GROUPS.items() if dn in groups]
    session["staff"] = {"dn": entry.entry_dn, "name": str(entry.cn), "roles": roles}
    return jsonify(name=str(entry.cn), roles=roles)
