import os

from flask import Flask, jsonify, request
from ldap3 import ALL, SUBTREE, Connection, Server

app = Flask(__name__)
LDAP_URL = os.environ.get("LDAP_URL", "ldaps://ldap.corp.internal")
BASE_DN = "ou=people,dc=corp,dc=internal"
ALLOWED_ATTRS = {"uid", "mail", "cn"}


def ldap_conn():
    server = Server(LDAP_URL, get_info=ALL, use_ssl=True)
    return Connection(server, os.environ["LDAP_BIND_DN"], os.environ["LDAP_BIND_PW"], auto_bind=True)


class DirectoryQuery:
    def __init__(self, attr, value):
        self.attr = attr
        self.value = value

    def as_filter(self):
        return f"(&(objectClass=inetOrgPerson)(!(employeeType=disabled))({self.attr}={self.value}))"


@app.route("/directory/lookup")
def lookup():
    attr = request.args.get("by", "uid")
    if attr not in ALLOWED_ATTRS:
        return jsonify(error="unsupported attribute"), 400
    query = DirectoryQuery(attr, request.args.get("value", ""))
    conn = ldap_conn()
    try:
        conn.search(BASE_DN, query.as_filter(), search_scope=SUBTREE, attributes=["cn", "mail", "title", "telephoneNumber"])  # VULN flow
        people = [
            {
                "dn": e.entry_dn,
                "name": str(e.cn),
                "mail": str(e.mail),
                "title": str(e.title) if "title" in e else None,
            }
            for e in conn.entries
        ]
    finally:
        conn.unbind()
    return jsonify(results=people, count=len(people))


if __name__ == "__main__":
    app.run(host="127.0.0.1", port=8081)
