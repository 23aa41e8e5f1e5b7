"""Internal claims directory: find adjusters by name and region for assignment."""
import logging
import os

from flask import Flask, jsonify, request
from ldap3 import ALL, Connection, Server
from ldap3.utils.conv import escape_filter_chars

app = Flask(__name__)
log = logging.getLogger("claims.directory")

LDAP_URL = os.environ.get("LDAP_URL", "ldaps://ldap.corp.example-insure.com")
BASE_DN = "ou=people,dc=example-insure,dc=com"
BIND_DN = "cn=svc-claims-directory,ou=service,dc=example-insure,dc=com"
BIND_PASSWORD = os.environ["LDAP_BIND_PASSWORD"]
ATTRS = ["cn", "mail", "telephoneNumber", "l", "title", "employeeNumber"]


def connect() -> Connection:
    server = Server(LDAP_URL, get_info=ALL, use_ssl=True)
    return Connection(server, user=BIND_DN, password=BIND_PASSWORD, auto_bind=True)


def build_filter(name: str, region: str, licence: str) -> str:
    parts = ["(objectClass=inetOrgPerson)", "(departmentNumber=CLAIMS)"]
    if name:
        name = escape_filter_chars(name)
        parts.append(f"(|(cn=*{name}*)(sn={name}*))")
    if region:
        parts.append(f"(l={escape_filter_chars(region)})")
    if licence:
        parts.append(f"(adjusterLicenceClass={escape_filter_chars(licence)})")
    return "(&" + "".join(parts) + ")"


def as_record(entry) -> dict:
    attrs = entry.entry_attributes_as_dict
    return {key: (values[0] if values else None) for key, values in attrs.items()}


@app.route("/directory/adjusters")
def adjusters():
    name = request.args.get("name", "").strip()
    region = request.args.get("region", "").strip()
    licence = request.args.get("licence", "").strip()
    if not (name or region):
        return jsonify({"error": "name or region required"}), 400

    search_filter = build_filter(name, region, licence)
    conn = connect()
    try:
        conn.search(BASE_DN, search_filter, attributes=ATTRS, size_limit=50)
        results = [as_record(e) for e in conn.entries]
    finally:
        conn.unbind()
    log.info("directory search name=%r region=%r -> %d hits", name, region, len(results))
    return jsonify(results)


if __name__ == "__main__":
    app.run(host="127.0.0.1", port=5071)
