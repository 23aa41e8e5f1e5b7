"""Agent directory lookup backed by the corporate LDAP (used by the softphone transfer dialog)."""
import logging
import os

from flask import Flask, jsonify, request
from ldap3 import ALL, SUBTREE, Connection, Server

app = Flask(__name__)
log = logging.getLogger("directory")

LDAP_URL = os.environ.get("LDAP_URL", "ldaps://ldap.corp.example:636")
BASE_DN = os.environ.get("LDAP_BASE_DN", "ou=people,dc=corp,dc=example")
BIND_DN = os.environ.get("LDAP_BIND_DN", "cn=svc-directory,ou=services,dc=corp,dc=example")
BIND_PW = os.environ.get("LDAP_BIND_PW", "")
ATTRS = ["cn", "mail", "telephoneNumber", "departmentNumber", "title"]


def connect():
    server = Server(LDAP_URL, use_ssl=True, get_info=ALL)
    return Connection(server, BIND_DN, BIND_PW, auto_bind=True, receive_timeout=10)


def build_filter(name, team=None):
    flt = f"(&(objectClass=inetOrgPerson)(|(cn=*{name}*)(mail={name}*))"
    if team:
        flt += f"(departmentNumber={team})"
    return flt + ")"


def entry_to_dict(entry):
    return {
        "name": str(entry.cn),
        "email": str(entry.mail) if "mail" in entry else None,
        "phone": str(entry.telephoneNumber) if "telephoneNumber" in entry else None,
        "team": str(entry.departmentNumber) if "departmentNumber" in entry else None,
        "title": str(entry.title) if "title" in entry else None,
    }


@app.get("/api/agents")
def find_agents():
    name = request.args.get("q", "").strip()
    if len(name) < 2:
        return jsonify({"error": "query too short"}), 400
    flt = build_filter(name, request.args.get("team"))
    with connect() as conn:
        conn.search(BASE_DN, flt, search_scope=SUBTREE, attributes=ATTRS, size_limit=50)  # VULN flow
        results = [entry_to_dict(e) for e in conn.entries]
    return jsonify({"count": len(results), "agents": results})


@app.get("/api/agents/<uid>")
def get_agent(uid):
    if not uid.isalnum():
        return jsonify({"error": "bad uid"}), 400
    with connect() as conn:
        conn.search(BASE_DN, f"(uid={uid})", search_scope=SUBTREE, attributes=ATTRS)
        if not conn.entries:
            return jsonify({"error": "not found"}), 404
        return jsonify(entry_to_dict(conn.entries[0]))
