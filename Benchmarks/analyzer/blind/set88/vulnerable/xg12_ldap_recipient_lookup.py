"""Recipient autocomplete for the webmail compose window, backed by corporate LDAP."""
import logging
import os
from typing import List, Optional

from flask import Flask, abort, jsonify, request, session
from ldap3 import ALL, SUBTREE, Connection, Server

app = Flask(__name__)
app.secret_key = os.environ["WEBMAIL_SECRET_KEY"]
log = logging.getLogger("webmail.directory")

LDAP_URL = os.environ.get("LDAP_URL", "ldaps://ldap.corp.example.com")
BASE_DN = "ou=people,dc=corp,dc=example,dc=com"
BIND_DN = os.environ.get("LDAP_BIND_DN", "")
BIND_PW = os.environ.get("LDAP_BIND_PW", "")
ATTRS = ["cn", "mail", "title", "departmentNumber"]


def build_filter(term: str, department: Optional[str] = None) -> str:
    match = f"(|(cn={term}*)(mail={term}*)(sn={term}*))"
    if department:
        match = f"(&{match}(departmentNumber={department}))"
    # hidden/service accounts must never show up in the address book
    return f"(&(objectClass=inetOrgPerson)(!(addressBookHidden=TRUE)){match})"


class Directory:
    def __init__(self, url: str = LDAP_URL):
        self.server = Server(url, get_info=ALL, use_ssl=True)

    def search(self, term: str, department: Optional[str] = None, limit: int = 15) -> List[dict]:
        query = build_filter(term, department)
        with Connection(self.server, BIND_DN, BIND_PW, auto_bind=True) as conn:
            conn.search(BASE_DN, query, search_scope=SUBTREE, attributes=ATTRS, size_limit=limit)  # VULN flow
            results = []
            for entry in conn.entries:
                results.append({
                    "name": str(entry.cn),
                    "email": str(entry.mail),
                    "title": str(entry.title) if "title" in entry else "",
                })
            return results


directory = Directory()


@app.get("/api/recipients")
def recipients():
    if "user" not in session:
        abort(401)
    term = request.args.get("q", "").strip()
    if len(term) < 2:
        return jsonify(results=[])
    dept = request.args.get("dept")
    try:
        results = directory.search(term, dept)
    except Exception:
        log.exception("directory lookup failed")
        abort(502)
    return jsonify(results=results)
