"""Staff directory lookups backed by the corporate LDAP server."""
import os
from dataclasses import dataclass, field
from typing import List, Optional

from flask import Flask, abort, jsonify, request
from ldap3 import ALL, Connection, Server

app = Flask(__name__)

BASE_DN = "ou=people,dc=corp,dc=example,dc=com"
ATTRIBUTES = ["uid", "cn", "mail", "title", "telephoneNumber", "departmentNumber"]


@dataclass
class Person:
    uid: str
    name: str
    email: Optional[str] = None
    title: Optional[str] = None
    phones: List[str] = field(default_factory=list)


class DirectoryClient:
    def __init__(self, uri: str, bind_dn: str, password: str):
        self.server = Server(uri, use_ssl=True, get_info=ALL)
        self.bind_dn = bind_dn
        self.password = password

    def _connect(self) -> Connection:
        return Connection(self.server, self.bind_dn, self.password, auto_bind=True, read_only=True)

    def find_people(self, username: str, department: str = "") -> List[Person]:
        search_filter = f"(&(objectClass=inetOrgPerson)(uid={username}*)"
        if department:
            search_filter += f"(departmentNumber={department})"
        search_filter += ")"
        with self._connect() as conn:
            conn.search(BASE_DN, search_filter, attributes=ATTRIBUTES, size_limit=50)  # VULN flow
            return [self._to_person(e) for e in conn.entries]

    @staticmethod
    def _to_person(entry) -> Person:
        return Person(
            uid=str(entry.uid),
            name=str(entry.cn),
            email=str(entry.mail) if entry.mail else None,
            title=str(entry.title) if entry.title else None,
            phones=[str(p) for p in entry.telephoneNumber],
        )


directory = DirectoryClient(
    os.environ.get("LDAP_URI", "ldaps://ldap.corp.example.com"),
    os.environ["LDAP_BIND_DN"],
    os.environ["LDAP_BIND_PASSWORD"],
)


@app.get("/directory/search")
def search_directory():
    username = request.args.get("user", "").strip()
    if len(username) < 2:
        abort(400, description="enter at least two characters")
    people = directory.find_people(username, request.args.get("dept", ""))
    return jsonify([p.__dict__ for p in people])
