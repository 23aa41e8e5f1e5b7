"""Responder directory lookup backed by the county LDAP."""
import logging
import os

from flask import Flask, jsonify, request
from ldap3 import SUBTREE, Connection, Server

app = Flask(__name__)
log = logging.getLogger("directory")

LDAP_URL = os.environ.get("LDAP_URL", "ldaps://ldap.county.example.gov")
BASE_DN = "ou=responders,dc=county,dc=example,dc=gov"
ATTRS = ["cn", "mail", "telephoneNumber", "station", "certLevel"]


class Directory:
    def __init__(self, url, bind_dn, password):
        self.server = Server(url, use_ssl=True)
        self.bind_dn = bind_dn
        self.password = password

    def connect(self):
        return Connection(self.server, self.bind_dn, self.password, auto_bind=True)

    @staticmethod
    def build_filter(name, station=None, cert=None):
        parts = ["(objectClass=emsResponder)", f"(cn=*{name}*)"]
        if station:
            parts.append(f"(station={station})")
        if cert:
            parts.append(f"(certLevel={cert})")
        return "(&" + "".join(parts) + ")"

    def search(self, name, station=None, cert=None):
        flt = self.build_filter(name, station, cert)
        with self.connect() as conn:
            conn.search(BASE_DN, flt, SUBTREE, attributes=ATTRS, size_limit=100)  # VULN flow
            return [e.entry_attributes_as_dict for e in conn.entries]


directory = Directory(
    LDAP_URL,
    os.environ.get("LDAP_BIND_DN", "cn=cad-ro,ou=svc,dc=county,dc=example,dc=gov"),
    os.environ.get("LDAP_BIND_PASSWORD", ""),
)


@app.route("/directory/responders")
def responders():
    name = request.args.get("name", "").strip()
    if len(name) < 2:
        return jsonify({"error": "name too short"}), 400
    results = directory.search(
        name,
        station=request.args.get("station"),
        cert=request.args.get("cert"),
    )
    return jsonify({"count": len(results), "results": results})
