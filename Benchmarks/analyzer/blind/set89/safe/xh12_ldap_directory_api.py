"""Directory lookups for the allocations portal (posix groups, people search)."""
import logging
import os

from flask import Flask, jsonify, request
from ldap3 import NONE, SUBTREE, Connection, Server
from ldap3.utils.conv import escape_filter_chars

LDAP_URI = os.environ.get("LDAP_URI", "ldaps://ldap.hpc.example.edu")
BASE_DN = "dc=hpc,dc=example,dc=edu"
GROUP_BASE = f"ou=groups,{BASE_DN}"
PEOPLE_BASE = f"ou=people,{BASE_DN}"
BIND_DN = f"cn=portal-ro,ou=services,{BASE_DN}"
BIND_PASSWORD = os.environ["LDAP_BIND_PASSWORD"]

app = Flask(__name__)
log = logging.getLogger("portal.ldap")


def connect() -> Connection:
    server = Server(LDAP_URI, use_ssl=True, get_info=NONE, connect_timeout=5)
    return Connection(server, user=BIND_DN, password=BIND_PASSWORD, auto_bind=True, receive_timeout=10)


def group_filter(uid: str) -> str:
    return f"(&(objectClass=posixGroup)(memberUid={escape_filter_chars(uid)}))"


def people_filter(term: str) -> str:
    term = escape_filter_chars(term)
    return "(&(objectClass=posixAccount)(!(loginShell=/sbin/nologin))(|(uid=%s*)(cn=*%s*)))" % (term, term)


@app.get("/api/users/<uid>/groups")
def user_groups(uid):
    with connect() as conn:
        conn.search(GROUP_BASE, group_filter(uid), search_scope=SUBTREE, attributes=["cn", "gidNumber"])
        groups = [
            {"name": str(e.cn), "gid": int(e.gidNumber.value)}
            for e in conn.entries
        ]
    return jsonify(uid=uid, groups=groups)


@app.get("/api/people")
def people_search():
    term = request.args.get("q", "").strip()
    if len(term) < 2:
        return jsonify(error="query too short"), 400
    search_filter = people_filter(term)
    with connect() as conn:
        conn.search(PEOPLE_BASE, search_filter, attributes=["uid", "cn", "mail", "departmentNumber"], size_limit=50)
        people = [
            {
                "uid": str(e.uid),
                "name": str(e.cn),
                "mail": str(e.mail) if "mail" in e else None,
                "department": str(e.departmentNumber) if "departmentNumber" in e else None,
            }
            for e in conn.entries
        ]
    log.info("people search %r -> %d results", term, len(people))
    return jsonify(results=people)
