"""Company people-directory lookup backed by Active Directory."""
import logging
import os

from flask import Flask, abort, jsonify, request
from ldap3 import SUBTREE, Connection, Server

app = Flask(__name__)
logger = logging.getLogger(__name__)

LDAP_URL = os.environ.get("LDAP_URL", "ldaps://dc01.corp.example.com")
BASE_DN = "ou=People,dc=corp,dc=example,dc=com"
ATTRS = ["cn", "mail", "title", "department", "telephoneNumber"]


def get_connection() -> Connection:
    server = Server(LDAP_URL, use_ssl=True)
    return Connection(
        server,
        user=os.environ["LDAP_BIND_DN"],
        password=os.environ["LDAP_BIND_PASSWORD"],
        auto_bind=True,
        read_only=True,
    )


def build_filter(term: str) -> str:
    """Match on display name, mail prefix or exact account name."""
    return f"(&(objectClass=person)(!(userAccountControl=514))(|(cn=*{term}*)(mail={term}*)(sAMAccountName={term})))"


@app.route("/directory/search")
def search():
    term = request.args.get("q", "").strip()
    if len(term) < 2:
        abort(400, "query too short")

    search_filter = build_filter(term)
    conn = get_connection()
    try:
        conn.search(BASE_DN, search_filter, search_scope=SUBTREE, attributes=ATTRS, size_limit=50)  # VULN flow
        people = [
            {attr: str(entry[attr]) for attr in ATTRS if attr in entry}
            for entry in conn.entries
        ]
    finally:
        conn.unbind()
    return jsonify({"count": len(people), "results": people})


@app.route("/healthz")
def healthz():
    return "ok"
