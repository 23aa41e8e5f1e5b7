"""Helpdesk bot backend: employee directory lookups over LDAP."""
import logging
import os
from dataclasses import dataclass

from flask import Flask, abort, jsonify, request
from ldap3 import ALL, SUBTREE, Connection, Server
from ldap3.utils.conv import escape_filter_chars

app = Flask(__name__)
log = logging.getLogger("helpdesk.directory")

SEARCH_FIELDS = {"email": "mail", "name": "cn", "phone": "telephoneNumber", "login": "uid"}
RETURN_ATTRS = ["cn", "mail", "title", "telephoneNumber", "departmentNumber"]


@dataclass
class DirectoryConfig:
    url: str
    base_dn: str
    bind_dn: str
    bind_password: str

    @classmethod
    def from_env(cls) -> "DirectoryConfig":
        return cls(
            url=os.environ["LDAP_URL"],
            base_dn=os.environ.get("LDAP_BASE_DN", "ou=people,dc=corp,dc=example"),
            bind_dn=os.environ["LDAP_BIND_DN"],
            bind_password=os.environ["LDAP_BIND_PASSWORD"],
        )


class DirectoryClient:
    def __init__(self, cfg: DirectoryConfig):
        server = Server(cfg.url, use_ssl=True, get_info=ALL)
        self._conn = Connection(server, cfg.bind_dn, cfg.bind_password, auto_bind=True, read_only=True)
        self._base_dn = cfg.base_dn

    @staticmethod
    def build_filter(attribute: str, value: str) -> str:
        return "(&(objectClass=inetOrgPerson)(!(employeeStatus=terminated))({}={}))".format(
            attribute, escape_filter_chars(value)
        )

    def lookup(self, attribute: str, value: str) -> list:
        search_filter = self.build_filter(attribute, value)
        self._conn.search(
            self._base_dn, search_filter, search_scope=SUBTREE, attributes=RETURN_ATTRS, size_limit=25
        )
        return [entry.entry_attributes_as_dict for entry in self._conn.entries]


_client = None


def client() -> DirectoryClient:
    global _client
    if _client is None:
        _client = DirectoryClient(DirectoryConfig.from_env())
    return _client


@app.get("/directory/search")
def directory_search():
    by = request.args.get("by", "email")
    attribute = SEARCH_FIELDS.get(by)
    if attribute is None:
        abort(400, "unsupported search field")
    value = request.args.get("q", "").strip()
    if not value:
        abort(400, "empty query")
    log.info("directory lookup by %r for %r", by, value)
    return jsonify(results=client().lookup(attribute, value))
