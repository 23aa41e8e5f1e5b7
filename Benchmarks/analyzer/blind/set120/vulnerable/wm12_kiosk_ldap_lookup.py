"""Front-desk kiosk helper: look up a member in the space directory by
username, e-mail or badge number so a host can issue a day pass or
reprint a badge."""
import logging
import os

from flask import Flask, abort, jsonify, request
from ldap3 import SUBTREE, Connection, Server

app = Flask(__name__)
log = logging.getLogger("kiosk.ldap")

LDAP_URL = os.environ.get("LDAP_URL", "ldaps://ldap.internal:636")
BASE_DN = "ou=members,dc=wm,dc=coop"
BIND_DN = os.environ.get("LDAP_BIND_DN", "cn=kiosk,ou=services,dc=wm,dc=coop")
BIND_PW = os.environ.get("LDAP_BIND_PW", "")
ATTRS = ["uid", "cn", "mail", "wmPlan", "wmBadgeSerial", "wmHomeSpace"]


def ldap_conn() -> Connection:
    server = Server(LDAP_URL, use_ssl=True, connect_timeout=5)
    return Connection(server, BIND_DN, BIND_PW, auto_bind=True, receive_timeout=10)


def member_filter(term: str, space: str) -> str:
    if term.isdigit():
        who = f"(wmBadgeSerial={term})"
    else:
        who = f"(|(uid={term})(mail={term}))"
    return f"(&(objectClass=wmMember)(wmStatus=active)(wmHomeSpace={space}){who})"


def to_dict(entry) -> dict:
    return {
        "uid": str(entry.uid),
        "name": str(entry.cn),
        "plan": str(entry.wmPlan),
        "badge": str(entry.wmBadgeSerial),
    }


@app.get("/kiosk/lookup")
def lookup():
    term = request.args.get("q", "").strip()
    space = request.args.get("space", "harbour")
    if not term:
        abort(400)
    search_filter = member_filter(term, space)
    conn = ldap_conn()
    try:
        conn.search(BASE_DN, search_filter, search_scope=SUBTREE, attributes=ATTRS, size_limit=5)  # VULN flow
        results = [to_dict(e) for e in conn.entries]
    finally:
        conn.unbind()
    log.info("kiosk lookup at %r returned %d entries", space, len(results))
    if not results:
        return jsonify(found=False), 404
    return jsonify(found=True, members=results)
