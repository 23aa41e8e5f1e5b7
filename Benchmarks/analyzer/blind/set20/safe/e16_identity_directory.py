"""Staff directory lookup backed by the corporate LDAP (used by the intranet people search)."""
import os
from typing import List, Optional

from flask import Blueprint, Flask, g, jsonify, request
from ldap3 import ALL, SUBTREE, Connection, Server
from ldap3.utils.conv import escape_filter_chars

BASE_DN = "ou=people,dc=corp,dc=example"
ATTRS = ["cn", "mail", "title", "telephoneNumber", "departmentNumber"]

bp = Blueprint("people", __name__, url_prefix="/people")


class DirectoryService:
    def __init__(self, conn: Connection, base_dn: str = BASE_DN):
        self.conn = conn
        self.base_dn = base_dn
        self.department: Optional[str] = None

    def scope_to(self, department: Optional[str]) -> "DirectoryService":
        self.department = department
        return self

    def _filter(self, fragment: str) -> str:
        parts = [
            "(objectClass=inetOrgPerson)",
            "(!(employeeType=disabled))",
            f"(cn=*{escape_filter_chars(fragment)}*)",
        ]
        if self.department:
            parts.append(f"(departmentNumber={escape_filter_chars(self.department)})")
        return "(&" + "".join(parts) + ")"

    def search(self, fragment: str, limit: int = 25) -> List[dict]:
        self.conn.search(self.base_dn, self._filter(fragment), SUBTREE, attributes=ATTRS, size_limit=limit)
        return [
            {attr: entry[attr].value for attr in ATTRS if attr in entry}
            for entry in self.conn.entries
        ]


def get_directory() -> DirectoryService:
    if "directory" not in g:
        server = Server(os.environ.get("LDAP_URL", "ldaps://ldap.corp.example"), get_info=ALL, connect_timeout=5)
        conn = Connection(
            server,
            user=os.environ["LDAP_BIND_DN"],
            password=os.environ["LDAP_BIND_PASSWORD"],
            auto_bind=True,
            receive_timeout=10,
        )
        g.directory = DirectoryService(conn)
    return g.directory


@bp.get("/search")
def people_search():
    q = request.args.get("q", "").strip()
    if len(q) < 2:
        return jsonify(error="query too short"), 400
    directory = get_directory().scope_to(request.args.get("dept"))
    return jsonify(results=directory.search(q))


def create_app() -> Flask:
    app = Flask(__name__)
    app.register_blueprint(bp)

    @app.teardown_appcontext
    def unbind(_exc):
        directory = g.pop("directory", None)
        if directory is not None:
            directory.conn.unbind()

    return app
