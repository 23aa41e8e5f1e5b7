"""Campus directory lookup used by advising and admissions staff tools."""
import logging
import os
from typing import Optional

from flask import Flask, jsonify, request
from ldap3 import SUBTREE, Connection, Server
from ldap3.utils.conv import escape_filter_chars

app = Flask(__name__)
log = logging.getLogger("directory")

LDAP_URL = os.environ.get("LDAP_URL", "ldaps://ldap.campus.example.edu")
BASE_DN = "ou=people,dc=campus,dc=example,dc=edu"
BIND_DN = "cn=directory-app,ou=services,dc=campus,dc=example,dc=edu"
BIND_PASSWORD = os.environ["DIRECTORY_BIND_PASSWORD"]
ATTRS = ["uid", "cn", "mail", "departmentNumber", "eduPersonAffiliation"]
AFFILIATIONS = {"student", "faculty", "staff", "alum", "affiliate"}


def _connect() -> Connection:
    server = Server(LDAP_URL, use_ssl=True, connect_timeout=5)
    return Connection(server, user=BIND_DN, password=BIND_PASSWORD,
                      auto_bind=True, receive_timeout=10)


def build_filter(name: str, affiliation: Optional[str]) -> str:
    safe_name = escape_filter_chars(name)
    clauses = [f"(|(cn=*{safe_name}*)(uid={safe_name}))"]
    if affiliation:
        if affiliation not in AFFILIATIONS:
            raise ValueError("unknown affiliation")
        clauses.append(f"(eduPersonAffiliation={affiliation})")
    return "(&(objectClass=eduPerson)" + "".join(clauses) + ")"


def _entry_to_dict(entry) -> dict:
    raw = entry.entry_attributes_as_dict
    return {k: (v[0] if len(v) == 1 else v) for k, v in raw.items()}


@app.route("/directory/search")
def directory_search():
    name = request.args.get("name", "").strip()
    affiliation = request.args.get("affiliation")
    if len(name) < 2:
        return jsonify({"error": "name must be at least 2 characters"}), 400

    try:
        search_filter = build_filter(name, affiliation)
    except ValueError as exc:
        return jsonify({"error": str(exc)}), 400
    conn = _connect()
    try:
        conn.search(BASE_DN, search_filter, search_scope=SUBTREE, attributes=ATTRS, size_limit=50)
        people = [_entry_to_dict(e) for e in conn.entries]
    finally:
        conn.unbind()
    log.info("directory search returned %d entries", len(people))
    return jsonify({"count": len(people), "results": people})


@app.route("/directory/health")
def health():
    try:
        conn = _connect()
        conn.unbind()
    except Exception:
        log.exception("ldap bind failed")
        return jsonify({"ldap": "down"}), 503
    return jsonify({"ldap": "ok"})
