"""Staff directory lookup backed by the corporate LDAP."""
import logging
import os
import ssl

from flask import Flask, abort, jsonify, request
from ldap3 import ALL, SUBTREE, Connection, Server, Tls
from ldap3.core.exceptions import LDAPException
from ldap3.utils.conv import escape_filter_chars

app = Flask(__name__)
log = logging.getLogger("directory")

BASE_DN = os.environ.get("DIRECTORY_BASE_DN", "ou=people,dc=corp,dc=example")
SEARCHABLE = {"uid", "mail", "cn", "departmentNumber"}
RETURNED = ["uid", "cn", "mail", "title", "telephoneNumber", "departmentNumber"]


class DirectoryClient:
    def __init__(self, url: str, bind_dn: str, password: str) -> None:
        tls = Tls(validate=ssl.CERT_REQUIRED, version=ssl.PROTOCOL_TLS_CLIENT)
        self.server = Server(url, use_ssl=True, tls=tls, get_info=ALL, connect_timeout=5)
        self.bind_dn = bind_dn
        self.password = password

    def _connection(self) -> Connection:
        return Connection(self.server, self.bind_dn, self.password,
                          auto_bind=True, receive_timeout=10, read_only=True)

    @staticmethod
    def build_filter(field: str, value: str) -> str:
        if field not in SEARCHABLE:
            raise ValueError(f"unsupported field {field!r}")
        return f"(&(objectClass=inetOrgPerson)(!(nsAccountLock=TRUE))({field}={escape_filter_chars(value)}))"

    def search(self, field: str, value: str, limit: int = 25) -> list[dict]:
        flt = self.build_filter(field, value)
        with self._connection() as conn:
            conn.search(BASE_DN, flt, SUBTREE, attributes=RETURNED, size_limit=limit)
            return [entry.entry_attributes_as_dict for entry in conn.entries]


directory = DirectoryClient(
    os.environ.get("DIRECTORY_URL", "ldaps://ldap.corp.example"),
    os.environ.get("DIRECTORY_BIND_DN", "cn=directory-app,ou=services,dc=corp,dc=example"),
    os.environ.get("DIRECTORY_BIND_PASSWORD", ""),
)


def flatten(entry: dict) -> dict:
    return {k: (v[0] if len(v) == 1 else v) for k, v in entry.items() if v}


@app.get("/directory/search")
def search():
    field = request.args.get("by", "uid")
    if field not in SEARCHABLE:
        abort(400, description="unsupported search field")
    term = request.args.get("q", "").strip()
    if not term:
        abort(400, description="q is required")
    log.info("directory search by %s: %r", field, request.args.get("q"))
    try:
        results = directory.search(field, term)
    except LDAPException as exc:
        log.error("ldap failure: %s", exc)
        abort(503)
    return jsonify({"count": len(results), "people": [flatten(r) for r in results]})


@app.get("/directory/people/<uid>")
def person(uid: str):
    if not uid.isalnum():
        abort(400)
    results = directory.search("uid", uid, limit=1)
    if not results:
        abort(404)
    return jsonify(flatten(results[0]))
