import os
import ssl

from flask import Flask, request, jsonify
from ldap3 import ALL, SUBTREE, Connection, Server, Tls
from ldap3.utils.conv import escape_filter_chars

app = Flask(__name__)
LDAP_HOST = os.environ.get("LDAP_HOST", "ldap.corp.example.com")
BIND_DN = os.environ.get("LDAP_BIND_DN", "cn=addressbook,ou=services,dc=corp,dc=example,dc=com")
BIND_PASSWORD = os.environ["LDAP_BIND_PASSWORD"]
BASE_DN = "ou=people,dc=corp,dc=example,dc=com"
ATTRS = ["cn", "mail", "telephoneNumber", "title", "departmentNumber"]


def connect():
    server = Server(LDAP_HOST, port=636, use_ssl=True, tls=Tls(validate=ssl.CERT_REQUIRED), get_info=ALL)
    return Connection(server, BIND_DN, BIND_PASSWORD, auto_bind=True, read_only=True)


@app.get("/api/people")
def search_people():
    term = request.args.get("q", "").strip()[:64]
    if len(term) < 2:
        return jsonify([])
    safe = escape_filter_chars(term)
    query = f"(&(objectClass=inetOrgPerson)(|(cn=*{safe}*)(mail=*{safe}*)))"
    conn = connect()
    try:
        conn.search(BASE_DN, query, search_scope=SUBTREE, attributes=ATTRS, size_limit=50)
        people = [
            {attr: entry[attr].value for attr in ATTRS if attr in entry}
            for entry in conn.entries
        ]
    finally:
        conn.unbind()
    return jsonify(people)


if __name__ == "__main__":
    app.run(port=5020)
