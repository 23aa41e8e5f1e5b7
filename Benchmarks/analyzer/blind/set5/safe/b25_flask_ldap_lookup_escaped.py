import os

import ldap
from ldap.filter import escape_filter_chars
from flask import Flask, jsonify, request

app = Flask(__name__)
BASE_DN = "ou=people,dc=example,dc=com"


def directory():
    conn = ldap.initialize(os.environ.get("LDAP_URI", "ldaps://ldap.example.com"))
    conn.simple_bind_s(os.environ["LDAP_BIND_DN"], os.environ["LDAP_BIND_PW"])
    return conn


def lookup(conn, username):
    search_filter = "(&(objectClass=person)(uid=%s))" % escape_filter_chars(username)
    return conn.search_s(BASE_DN, ldap.SCOPE_SUBTREE, search_filter, ["cn", "mail", "title"])


@app.route("/directory/lookup")
def directory_lookup():
    conn = directory()
    try:
        entries = lookup(conn, request.args.get("uid", ""))
    finally:
        conn.unbind_s()
    return jsonify([
        {key: [v.decode() for v in values] for key, values in attrs.items()}
        for _, attrs in entries
    ])
