"""Staff directory lookup backed by the corporate LDAP."""
import os
import ssl

from flask import Flask, jsonify, request
from ldap3 import Connection, Server, Tls

app = Flask(__name__)
BASE_DN = "ou=people,dc=corp,dc=example,dc=com"
ATTRS = ["cn", "mail", "title", "telephoneNumber"]

tls = Tls(validate=ssl.CERT_REQUIRED, ca_certs_file=os.environ.get("LDAP_CA", "/etc/ssl/certs/corp-ca.pem"))
server = Server(os.environ.get("LDAP_HOST", "ldap.corp.example.com"), port=636, use_ssl=True, tls=tls)


def connection():
    return Connection(
        server,
        user=os.environ["LDAP_BIND_DN"],
        password=os.environ["LDAP_BIND_PASSWORD"],
        auto_bind=True,
        read_only=True,
    )


def directory_filter(term):
    return "(&(objectClass=inetOrgPerson)(employeeType=listed)(|(cn=*%s*)(mail=%s*)))" % (term, term)


@app.route("/api/directory")
def search():
    term = request.args.get("q", "").strip()
    if len(term) < 2:
        return jsonify({"error": "query too short"}), 400
    conn = connection()
    try:
        conn.search(BASE_DN, directory_filter(term), attributes=ATTRS, size_limit=25)  # VULN flow
        people = [
            {attr: str(entry[attr]) if attr in entry else None for attr in ATTRS}
            for entry in conn.entries
        ]
    finally:
        conn.unbind()
    return jsonify(people)


@app.route("/healthz")
def healthz():
    return "ok"
