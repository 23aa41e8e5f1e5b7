"""Internal staff directory lookup service backed by the corporate LDAP."""
import json
import logging
import os
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse

from ldap3 import ALL, Connection, Server
from ldap3.core.exceptions import LDAPException
from ldap3.utils.conv import escape_filter_chars

log = logging.getLogger("directory")

LDAP_URL = os.environ.get("LDAP_URL", "ldaps://ldap.corp.example.com")
BASE_DN = "ou=people,dc=corp,dc=example,dc=com"
BIND_DN = "cn=svc-directory,ou=service,dc=corp,dc=example,dc=com"
BIND_PASSWORD = os.environ["DIRECTORY_BIND_PASSWORD"]
ATTRS = ["cn", "mail", "title", "telephoneNumber", "departmentNumber"]


class Directory:
    def __init__(self):
        self.server = Server(LDAP_URL, get_info=ALL, use_ssl=True)

    def _connect(self):
        return Connection(self.server, BIND_DN, BIND_PASSWORD, auto_bind=True, read_only=True)

    def search(self, name, department=None):
        query = f"(cn=*{escape_filter_chars(name)}*)"
        if department:
            query = f"(&{query}(departmentNumber={escape_filter_chars(department)}))"
        with self._connect() as conn:
            conn.search(BASE_DN, f"(&(objectClass=inetOrgPerson){query})", attributes=ATTRS)
            return [json.loads(entry.entry_to_json())["attributes"] for entry in conn.entries[:50]]


DIRECTORY = Directory()


class LookupHandler(BaseHTTPRequestHandler):
    def _send(self, status, payload):
        body = json.dumps(payload).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):
        url = urlparse(self.path)
        if url.path != "/lookup":
            self._send(404, {"error": "not found"})
            return
        params = parse_qs(url.query)
        name = params.get("name", [""])[0]
        dept = params.get("dept", [None])[0]
        if len(name) < 2:
            self._send(400, {"error": "name must be at least 2 characters"})
            return
        log.info("lookup from %s name=%r dept=%r", self.client_address[0], name, dept)
        try:
            people = DIRECTORY.search(name, dept)
        except LDAPException as exc:
            log.error("ldap lookup failed: %s", exc)
            self._send(502, {"error": "directory unavailable"})
            return
        self._send(200, {"results": people})


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    ThreadingHTTPServer(("127.0.0.1", 8600), LookupHandler).serve_forever()
