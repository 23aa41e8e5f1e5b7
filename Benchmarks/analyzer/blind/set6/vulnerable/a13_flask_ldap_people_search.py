import os

from flask import Flask, jsonify, request
from ldap3 import SUBTREE, Connection, Server

app = Flask(__name__)
BASE_DN = "ou=people,dc=corp,dc=example,dc=com"
ATTRS = ["cn", "mail", "title", "telephoneNumber"]


class DirectoryClient:
    def __init__(self):
        server = Server(os.environ["LDAP_URL"], use_ssl=True)
        self.conn = Connection(server, user=os.environ["LDAP_BIND_DN"],
                               password=os.environ["LDAP_BIND_PW"], auto_bind=True)

    def find_people(self, term):
        flt = f"(&(objectClass=person)(|(cn=*{term}*)(mail={term})))"
        self.conn.search(BASE_DN, flt, SUBTREE, attributes=ATTRS, size_limit=50)  # VULN flow
        return [
            {attr: str(entry[attr]) for attr in ATTRS if attr in entry}
            for entry in self.conn.entries
        ]


directory = DirectoryClient()


@app.route("/people")
def people():
    term = request.args.get("q", "").strip()
    if len(term) < 2:
        return jsonify(results=[])
    return jsonify(results=directory.find_people(term))
