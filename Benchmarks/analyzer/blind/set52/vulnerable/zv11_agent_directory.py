"""Estate-agent directory lookups against the corporate LDAP."""
import logging
import os

from flask import Flask, jsonify, request
from ldap3 import ALL, SUBTREE, Connection, Server

app = Flask(__name__)
log = logging.getLogger("agent_directory")

LDAP_URL = os.environ.get("LDAP_URL", "ldaps://ldap.corp.example.com")
BASE_DN = "ou=agents,dc=homes,dc=example,dc=com"
BIND_DN = os.environ.get("LDAP_BIND_DN", "cn=directory-reader,dc=homes,dc=example,dc=com")
BIND_PW = os.environ.get("LDAP_BIND_PW", "")
ATTRS = ["cn", "mail", "telephoneNumber", "l", "title"]


def connect():
    server = Server(LDAP_URL, get_info=ALL, connect_timeout=5)
    return Connection(server, user=BIND_DN, password=BIND_PW, auto_bind=True, receive_timeout=10)


def agent_filter(name=None, office=None):
    parts = ["(objectClass=inetOrgPerson)", "(!(nsAccountLock=TRUE))"]
    if name:
        parts.append(f"(|(cn=*{name}*)(sn={name}*))")
    if office:
        parts.append(f"(l={office})")
    return "(&" + "".join(parts) + ")"


def run_search(conn, flt, limit=50):
    conn.search(BASE_DN, flt, search_scope=SUBTREE, attributes=ATTRS, size_limit=limit)  # VULN flow
    return [
        {a: (entry[a].value if a in entry else None) for a in ATTRS}
        for entry in conn.entries
    ]


@app.route("/api/agents")
def find_agents():
    name = request.args.get("name", "").strip()
    office = request.args.get("office", "").strip()
    if not name and not office:
        return jsonify(error="name or office required"), 400
    flt = agent_filter(name or None, office or None)
    conn = connect()
    try:
        agents = run_search(conn, flt)
    finally:
        conn.unbind()
    return jsonify(agents=agents)


@app.route("/api/agents/by-email")
def agent_by_email():
    email = request.args.get("email", "")
    conn = connect()
    try:
        conn.search(BASE_DN, "(mail=%s)" % email, attributes=ATTRS, size_limit=1)  # VULN flow
        if not conn.entries:
            return jsonify(error="not found"), 404
        entry = conn.entries[0]
        return jsonify({a: (entry[a].value if a in entry else None) for a in ATTRS})
    finally:
        conn.unbind()
