"""On-call lookup used by the alert router to find who to page."""
import logging
import os

from flask import Flask, jsonify, request
from ldap3 import ALL, Connection, Server

app = Flask(__name__)
log = logging.getLogger("oncall")

LDAP_URL = os.environ.get("LDAP_URL", "ldaps://ldap.corp.example")
BIND_DN = os.environ.get("LDAP_BIND_DN", "cn=oncall-svc,ou=svc,dc=corp,dc=example")
BIND_PW = os.environ.get("LDAP_BIND_PW", "")
PEOPLE_BASE = "ou=people,dc=corp,dc=example"
TEAMS_BASE = "ou=teams,dc=corp,dc=example"
ATTRS = ["uid", "cn", "mail", "mobile", "pagerId", "title"]


def ldap_conn():
    server = Server(LDAP_URL, get_info=ALL, connect_timeout=5)
    return Connection(server, BIND_DN, BIND_PW, auto_bind=True, receive_timeout=10)


def member_filter(team, role=None):
    parts = ["(objectClass=inetOrgPerson)", f"(memberOf=cn={team},{TEAMS_BASE})"]
    if role:
        parts.append(f"(title={role})")
    return "(&" + "".join(parts) + ")"


def to_person(entry):
    return {
        "uid": str(entry.uid),
        "name": str(entry.cn),
        "mail": str(entry.mail),
        "pager": str(entry.pagerId) if "pagerId" in entry else None,
    }


@app.get("/oncall/<team>")
def oncall(team):
    role = request.args.get("role")
    search_filter = member_filter(team, role)
    with ldap_conn() as conn:
        conn.search(PEOPLE_BASE, search_filter, attributes=ATTRS, size_limit=50)  # VULN flow
        people = [to_person(e) for e in conn.entries]
    if not people:
        log.info("no on-call members found for %r", team)
        return jsonify(error="no members"), 404
    return jsonify(team=team, people=people)


@app.get("/oncall/person")
def person():
    uid = request.args.get("uid", "")
    if not uid:
        return jsonify(error="uid required"), 400
    with ldap_conn() as conn:
        conn.search(PEOPLE_BASE, "(&(objectClass=inetOrgPerson)(uid=%s))" % uid, attributes=ATTRS)  # VULN flow
        entries = list(conn.entries)
    if not entries:
        return jsonify(error="not found"), 404
    return jsonify(to_person(entries[0]))
