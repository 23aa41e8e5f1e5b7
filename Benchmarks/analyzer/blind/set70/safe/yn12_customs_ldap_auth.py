"""Authenticate customs broker staff against the agency directory."""
import logging
import os

from flask import Flask, jsonify, request, session
from ldap3 import SUBTREE, Connection, Server
from ldap3.utils.conv import escape_filter_chars

app = Flask(__name__)
app.secret_key = os.environ["BROKER_PORTAL_SECRET"]
log = logging.getLogger("broker_auth")

LDAP_URL = os.environ.get("LDAP_URL", "ldaps://dir.customs.example")
BASE_DN = "ou=brokers,dc=customs,dc=example"
SVC_DN = os.environ["LDAP_BIND_DN"]
SVC_PW = os.environ["LDAP_BIND_PW"]
ATTRS = ["cn", "mail", "brokerLicence", "portOfEntry"]


def service_connection() -> Connection:
    return Connection(Server(LDAP_URL, use_ssl=True), SVC_DN, SVC_PW, auto_bind=True)


def find_brokers(conn, username=None, port=None):
    parts = ["(objectClass=customsBroker)"]
    if username:
        parts.append("(uid=%s)" % escape_filter_chars(username))
    if port:
        parts.append("(portOfEntry=%s)" % escape_filter_chars(port))
    search_filter = "(&%s)" % "".join(parts)
    conn.search(BASE_DN, search_filter, search_scope=SUBTREE, attributes=ATTRS)
    return list(conn.entries)


@app.route("/auth/login", methods=["POST"])
def login():
    username = request.form.get("username", "")
    password = request.form.get("password", "")
    if not username or not password:
        return jsonify(error="credentials required"), 400
    with service_connection() as conn:
        entries = find_brokers(conn, username=username)
    if len(entries) != 1:
        return jsonify(error="invalid credentials"), 401
    user_conn = Connection(Server(LDAP_URL, use_ssl=True), entries[0].entry_dn, password)
    if not user_conn.bind():
        return jsonify(error="invalid credentials"), 401
    user_conn.unbind()
    session["broker"] = str(entries[0].cn)
    return jsonify(ok=True, licence=str(entries[0].brokerLicence))


@app.route("/brokers")
def directory():
    if "broker" not in session:
        return jsonify(error="login required"), 401
    port = request.args.get("port", "")
    with service_connection() as conn:
        entries = find_brokers(conn, port=port)
    return jsonify([{"name": str(e.cn), "licence": str(e.brokerLicence)} for e in entries])
