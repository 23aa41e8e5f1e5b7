"""Internal people-directory API backed by the corporate LDAP."""
import logging
import os
from typing import Dict, List

from flask import Blueprint, abort, current_app, jsonify, request
from ldap3 import ALL, Connection, Server, SUBTREE
from ldap3.utils.conv import escape_filter_chars

bp = Blueprint("directory", __name__, url_prefix="/directory")
log = logging.getLogger("directory")

ATTRIBUTES = ["uid", "cn", "mail", "title", "departmentNumber", "telephoneNumber"]


class DirectoryConfig:
    def __init__(self) -> None:
        self.url = os.environ.get("LDAP_URL", "ldaps://ldap.corp.example.com")
        self.base_dn = os.environ.get("LDAP_BASE_DN", "ou=people,dc=corp,dc=example,dc=com")
        self.bind_dn = os.environ["LDAP_BIND_DN"]
        self.bind_password = os.environ["LDAP_BIND_PASSWORD"]


def connect(cfg: DirectoryConfig) -> Connection:
    server = Server(cfg.url, get_info=ALL, use_ssl=True)
    return Connection(server, cfg.bind_dn, cfg.bind_password, auto_bind=True, read_only=True)


def build_filter(criteria: Dict[str, str]) -> str:
    parts = ["(objectClass=inetOrgPerson)", "(!(employeeType=disabled))"]
    if criteria.get("name"):
        parts.append("(cn=*%s*)" % escape_filter_chars(criteria["name"]))
    if criteria.get("department"):
        parts.append("(departmentNumber=%s)" % escape_filter_chars(criteria["department"]))
    return "(&" + "".join(parts) + ")"


def entries_to_dicts(entries) -> List[Dict[str, str]]:
    out = []
    for entry in entries:
        attrs = entry.entry_attributes_as_dict
        out.append({k: (v[0] if v else None) for k, v in attrs.items()})
    return out


@bp.get("/search")
def search():
    criteria = {
        "name": request.args.get("name", "").strip(),
        "department": request.args.get("dept", "").strip(),
    }
    if not any(criteria.values()):
        abort(400, "provide name or dept")

    cfg: DirectoryConfig = current_app.config["DIRECTORY"]
    ldap_filter = build_filter(criteria)
    with connect(cfg) as conn:
        conn.search(cfg.base_dn, ldap_filter, search_scope=SUBTREE, attributes=ATTRIBUTES, size_limit=100)
        people = entries_to_dicts(conn.entries)
    log.info("directory search returned %d entries", len(people))
    return jsonify(people)
