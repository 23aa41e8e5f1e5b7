"""Crew directory lookup against the field Active Directory (Flask).

Used by the rig-move planner to find crew members, their rig assignment and
contact details.
"""
import logging
import os
import ssl

from flask import Flask, abort, jsonify, request
from ldap3 import SUBTREE, Connection, Server, Tls

app = Flask(__name__)
log = logging.getLogger("crew_directory")

LDAP_URL = os.environ.get("LDAP_URL", "ldaps://dc01.field.local")
LDAP_CA = os.environ.get("LDAP_CA_FILE", "/etc/ssl/certs/field-root-ca.pem")
BIND_DN = os.environ["LDAP_BIND_DN"]
BIND_PW = os.environ["LDAP_BIND_PASSWORD"]
BASE_DN = "OU=Crews,DC=field,DC=local"
ATTRS = ["cn", "mail", "title", "telephoneNumber", "department", "sAMAccountName"]


def connect() -> Connection:
    tls = Tls(validate=ssl.CERT_REQUIRED, ca_certs_file=LDAP_CA)
    server = Server(LDAP_URL, use_ssl=True, tls=tls, connect_timeout=5)
    return Connection(server, BIND_DN, BIND_PW, auto_bind=True, receive_timeout=10)


def crew_filter(name: str, rig: str = None) -> str:
    parts = ["(objectClass=user)", f"(|(cn=*{name}*)(sAMAccountName={name}))"]
    if rig:
        parts.append(f"(department={rig})")
    return "(&" + "".join(parts) + ")"


def to_dict(entry) -> dict:
    attrs = entry.entry_attributes_as_dict
    return {k: (v[0] if isinstance(v, list) and v else v) for k, v in attrs.items()}


@app.get("/crew/search")
def search_crew():
    name = request.args.get("name", "").strip()
    if len(name) < 2:
        abort(400, description="name must be at least 2 characters")
    flt = crew_filter(name, request.args.get("rig"))
    with connect() as conn:
        conn.search(BASE_DN, flt, search_scope=SUBTREE, attributes=ATTRS, size_limit=50)  # VULN flow
        results = [to_dict(e) for e in conn.entries]
    log.info("crew search returned %d entries", len(results))
    return jsonify(results)
