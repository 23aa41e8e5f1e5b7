"""Internal staff directory for the esports org's admin console."""
import logging
import os

from flask import Flask, jsonify, request, session
from ldap3 import ALL, SUBTREE, Connection, Server
from ldap3.utils.conv import escape_filter_chars
from ldap3.utils.dn import escape_rdn

app = Flask(__name__)
app.secret_key = os.environ["CONSOLE_SECRET_KEY"]
log = logging.getLogger("console.ldap")

LDAP_URL = os.environ.get("LDAP_URL", "ldaps://ldap.corp.arenaforge.gg")
BASE_DN = "ou=staff,dc=arenaforge,dc=gg"
BIND_DN = os.environ.get("LDAP_BIND_DN", "cn=console,ou=svc,dc=arenaforge,dc=gg")
BIND_PW = os.environ.get("LDAP_BIND_PW", "")

ATTRS = ["uid", "cn", "mail", "title", "departmentNumber"]


def ldap_conn() -> Connection:
    server = Server(LDAP_URL, get_info=ALL, connect_timeout=5)
    return Connection(server, BIND_DN, BIND_PW, auto_bind=True, receive_timeout=10)


def build_filter(name: str, team: str) -> str:
    parts = ["(objectClass=inetOrgPerson)"]
    if name:
        n = escape_filter_chars(name)
        parts.append(f"(|(uid={n}*)(cn=*{n}*))")
    if team:
        parts.append(f"(departmentNumber={escape_filter_chars(team)})")
    return "(&" + "".join(parts) + ")"


@app.get("/staff/search")
def staff_search():
    if "user" not in session:
        return jsonify(error="login required"), 401
    name = request.args.get("q", "").strip()
    team = request.args.get("team", "").strip()
    flt = build_filter(name, team)
    with ldap_conn() as conn:
        conn.search(BASE_DN, flt, search_scope=SUBTREE, attributes=ATTRS, size_limit=50)
        results = [
            {a: str(entry[a]) for a in ATTRS if a in entry}
            for entry in conn.entries
        ]
    return jsonify(results=results)


@app.get("/staff/<uid>/groups")
def staff_groups(uid):
    if "user" not in session:
        return jsonify(error="login required"), 401
    member_dn = f"uid={escape_rdn(uid)},{BASE_DN}"
    with ldap_conn() as conn:
        conn.search("ou=groups,dc=arenaforge,dc=gg", f"(member={escape_filter_chars(member_dn)})", attributes=["cn"])
        groups = [str(e.cn) for e in conn.entries]
    return jsonify(uid=uid, groups=groups)
