"""Faculty directory lookup used by course authoring to assign instructors."""
import logging
import os

import falcon
from ldap3 import SUBTREE, Connection, Server
from ldap3.utils.conv import escape_filter_chars

log = logging.getLogger("directory")

LDAP_URL = os.environ["DIRECTORY_URL"]
BIND_DN = os.environ["DIRECTORY_BIND_DN"]
BIND_PW = os.environ["DIRECTORY_BIND_PW"]
BASE_DN = os.environ.get("DIRECTORY_BASE_DN", "ou=people,dc=university,dc=edu")
ATTRIBUTES = ["uid", "cn", "mail", "ou", "title"]


class DirectoryClient:
    def __init__(self, url: str, bind_dn: str, password: str, base_dn: str):
        self.server = Server(url, use_ssl=True, connect_timeout=5)
        self.bind_dn = bind_dn
        self.password = password
        self.base_dn = base_dn

    def _connect(self) -> Connection:
        return Connection(self.server, self.bind_dn, self.password, auto_bind=True, receive_timeout=10)

    @staticmethod
    def build_filter(name: str, department: str | None) -> str:
        name = escape_filter_chars(name)
        parts = ["(objectClass=eduPerson)", "(eduPersonAffiliation=faculty)"]
        if department:
            parts.append(f"(ou={escape_filter_chars(department)})")
        parts.append(f"(|(cn=*{name}*)(mail={name}*)(uid={name}))")
        return "(&" + "".join(parts) + ")"

    def find_faculty(self, name: str, department: str | None = None) -> list[dict]:
        search_filter = self.build_filter(name, department)
        with self._connect() as conn:
            conn.search(self.base_dn, search_filter, search_scope=SUBTREE, attributes=ATTRIBUTES, size_limit=25)
            return [
                {attr: entry[attr].value for attr in ATTRIBUTES if attr in entry}
                for entry in conn.entries
            ]


class FacultySearchResource:
    def __init__(self, directory: DirectoryClient):
        self.directory = directory

    def on_get(self, req: falcon.Request, resp: falcon.Response) -> None:
        name = req.get_param("name", required=True)
        if len(name) < 2:
            raise falcon.HTTPBadRequest(title="name too short")
        department = req.get_param("dept")
        resp.media = {"results": self.directory.find_faculty(name, department)}


app = falcon.App()
app.add_route(
    "/authoring/faculty",
    FacultySearchResource(DirectoryClient(LDAP_URL, BIND_DN, BIND_PW, BASE_DN)),
)
