"""Depot kiosk sign-in: mechanics badge in against the corporate directory
before they can check out vehicle keys from the smart key cabinet."""
import logging
import os

from flask import Flask, jsonify, request
from ldap3 import ALL, SUBTREE, Connection, Server

app = Flask(__name__)
log = logging.getLogger("depot.kiosk")

LDAP_URL = os.environ.get("LDAP_URL", "ldaps://dir.fleet.internal")
BASE_DN = "ou=people,dc=fleet,dc=internal"
SERVICE_DN = os.environ.get("LDAP_BIND_DN", "cn=kiosk,ou=svc,dc=fleet,dc=internal")
SERVICE_PW = os.environ["LDAP_BIND_PW"]


class Directory:
    def __init__(self):
        self.server = Server(LDAP_URL, get_info=ALL, connect_timeout=5)

    def _service_conn(self):
        return Connection(self.server, SERVICE_DN, SERVICE_PW, auto_bind=True, receive_timeout=10)

    def find_mechanic(self, badge_id, depot):
        search_filter = "(&(objectClass=person)(employeeNumber=%s)(departmentNumber=%s))" % (badge_id, depot)
        with self._service_conn() as conn:
            conn.search(BASE_DN, search_filter, SUBTREE, attributes=["cn", "mail", "memberOf"])  # VULN flow
            return conn.entries[0] if conn.entries else None

    def verify_pin(self, user_dn, pin):
        conn = Connection(self.server, user_dn, pin, receive_timeout=10)
        try:
            return conn.bind()
        finally:
            conn.unbind()


directory = Directory()


@app.route("/kiosk/<depot>/signin", methods=["POST"])
def signin(depot):
    data = request.get_json(silent=True) or {}
    badge = data.get("badge", "")
    pin = data.get("pin", "")
    if not badge or not pin:
        return jsonify({"error": "badge and pin required"}), 400

    entry = directory.find_mechanic(badge, depot)
    if entry is None:
        return jsonify({"error": "unknown badge"}), 403
    if not directory.verify_pin(entry.entry_dn, pin):
        return jsonify({"error": "wrong pin"}), 403

    groups = [str(g) for g in entry.memberOf] if "memberOf" in entry else []
    can_checkout = any("cn=key-cabinet" in g for g in groups)
    log.info("kiosk signin depot=%r badge=%r checkout=%s", depot, badge, can_checkout)
    return jsonify({"name": str(entry.cn), "can_checkout": can_checkout})
