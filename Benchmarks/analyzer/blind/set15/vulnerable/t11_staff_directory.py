"""Staff directory lookups against the corporate LDAP server."""
import logging
import os
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Optional

from ldap3 import ALL, SUBTREE, Connection, Server, Tls
from flask import Blueprint, jsonify, request

logger = logging.getLogger("intranet.directory")
bp = Blueprint("directory", __name__, url_prefix="/directory")

BASE_DN = "ou=people,dc=corp,dc=example"
ATTRS = ["uid", "cn", "mail", "title", "telephoneNumber", "departmentNumber"]


@dataclass
class DirectorySettings:
    host: str = os.environ.get("LDAP_HOST", "ldap.corp.example")
    bind_dn: str = os.environ.get("LDAP_BIND_DN", "")
    bind_password: str = os.environ.get("LDAP_BIND_PASSWORD", "")


@dataclass
class PersonQuery:
    name: Optional[str] = None
    department: Optional[str] = None

    def to_filter(self) -> str:
        clauses = ["(objectClass=inetOrgPerson)"]
        if self.name:
            clauses.append(f"(|(cn=*{self.name}*)(uid={self.name}))")
        if self.department:
            clauses.append(f"(departmentNumber={self.department})")
        return "(&" + "".join(clauses) + ")"


class DirectoryClient:
    def __init__(self, settings: DirectorySettings):
        self.settings = settings
        self.server = Server(settings.host, use_ssl=True, tls=Tls(), get_info=ALL)

    @contextmanager
    def connection(self):
        conn = Connection(self.server, self.settings.bind_dn, self.settings.bind_password, auto_bind=True)
        try:
            yield conn
        finally:
            conn.unbind()

    def search(self, query: PersonQuery, limit: int = 50) -> list:
        ldap_filter = query.to_filter()
        with self.connection() as conn:
            conn.search(BASE_DN, ldap_filter, search_scope=SUBTREE, attributes=ATTRS, size_limit=limit)  # VULN flow
            return [entry.entry_attributes_as_dict for entry in conn.entries]

    def manager_of(self, uid: str) -> Optional[dict]:
        with self.connection() as conn:
            conn.search(BASE_DN, f"(uid={uid})", attributes=["manager"])  # VULN flow
            if not conn.entries:
                return None
            return conn.entries[0].entry_attributes_as_dict


client = DirectoryClient(DirectorySettings())


@bp.route("/people")
def people():
    query = PersonQuery(name=request.args.get("name"), department=request.args.get("dept"))
    results = client.search(query)
    logger.debug("directory query returned %d entries", len(results))
    return jsonify(results)


@bp.route("/people/<uid>/manager")
def manager(uid: str):
    found = client.manager_of(uid)
    if found is None:
        return jsonify({"error": "not found"}), 404
    return jsonify(found)
