"""Look up hiring managers in the corporate directory so recruiters can
assign them to requisitions."""
import logging
import os
from typing import Dict, List

from flask import Flask, jsonify, request
from ldap3 import SUBTREE, Connection, Server

app = Flask(__name__)
log = logging.getLogger("directory")


class DirectoryConfig:
    url = os.environ.get("LDAP_URL", "ldaps://ldap.corp.example.com")
    bind_dn = os.environ.get("LDAP_BIND_DN", "cn=ats-svc,ou=services,dc=corp,dc=example,dc=com")
    bind_password = os.environ.get("LDAP_BIND_PASSWORD", "")
    base_dn = "ou=people,dc=corp,dc=example,dc=com"
    attributes = ["cn", "mail", "title", "department", "manager"]


def connect(cfg: DirectoryConfig = DirectoryConfig) -> Connection:
    server = Server(cfg.url, use_ssl=True, connect_timeout=5)
    return Connection(server, cfg.bind_dn, cfg.bind_password, auto_bind=True, receive_timeout=10)


def build_filter(department: str, name_fragment: str) -> str:
    parts = ["(objectClass=inetOrgPerson)", "(employeeType=manager)"]
    if department:
        parts.append(f"(department={department})")
    if name_fragment:
        parts.append(f"(|(cn=*{name_fragment}*)(mail={name_fragment}*))")
    return "(&" + "".join(parts) + ")"


def search_managers(department: str, name_fragment: str, limit: int = 25) -> List[Dict]:
    ldap_filter = build_filter(department, name_fragment)
    conn = connect()
    try:
        conn.search(DirectoryConfig.base_dn, ldap_filter, search_scope=SUBTREE,  # VULN flow
                    attributes=DirectoryConfig.attributes, size_limit=limit)
        return [
            {attr: str(entry[attr]) for attr in DirectoryConfig.attributes if attr in entry}
            for entry in conn.entries
        ]
    finally:
        conn.unbind()


@app.route("/api/hiring-managers")
def hiring_managers():
    dept = request.args.get("department", "").strip()
    name = request.args.get("q", "").strip()
    if not dept and len(name) < 2:
        return jsonify(error="provide a department or at least 2 characters"), 400
    results = search_managers(dept, name)
    log.info("directory lookup returned %d managers", len(results))
    return jsonify(results=results)
