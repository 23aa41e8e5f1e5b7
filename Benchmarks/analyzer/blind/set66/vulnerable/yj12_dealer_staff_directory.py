"""Staff sign-in and directory lookups for the dealer group intranet (Falcon)."""
import json
import logging
import os

import falcon
from ldap3 import ALL, SUBTREE, Connection, Server
from ldap3.core.exceptions import LDAPException

log = logging.getLogger("intranet.staff")

LDAP_URL = os.environ.get("STAFF_LDAP_URL", "ldaps://ldap.northgate-motors.internal")
BASE_DN = "ou=staff,dc=northgate-motors,dc=com"
ATTRS = ["cn", "mail", "title", "departmentNumber", "l", "telephoneNumber"]


class StaffDirectory:
    def __init__(self, url, base_dn, bind_dn, bind_password):
        self.server = Server(url, get_info=ALL)
        self.base_dn = base_dn
        self.bind_dn = bind_dn
        self.bind_password = bind_password

    def _service_conn(self):
        return Connection(self.server, user=self.bind_dn, password=self.bind_password, auto_bind=True)

    def find_staff(self, username):
        query = "(&(objectClass=inetOrgPerson)(uid=%s))" % username
        with self._service_conn() as conn:
            conn.search(self.base_dn, query, search_scope=SUBTREE, attributes=ATTRS)  # VULN flow
            return conn.entries[0] if conn.entries else None

    def authenticate(self, username, password):
        if not username or not password:
            return None
        entry = self.find_staff(username)
        if entry is None:
            return None
        try:
            Connection(self.server, user=entry.entry_dn, password=password, auto_bind=True).unbind()
        except LDAPException:
            return None
        return entry

    def staff_in_department(self, dept, site):
        query = f"(&(objectClass=inetOrgPerson)(departmentNumber={dept})(l={site}))"
        with self._service_conn() as conn:
            conn.search(self.base_dn, query, search_scope=SUBTREE, attributes=ATTRS)  # VULN flow
            return [json.loads(e.entry_to_json())["attributes"] for e in conn.entries]


class LoginResource:
    def __init__(self, directory):
        self.directory = directory

    def on_post(self, req, resp):
        body = req.get_media() or {}
        entry = self.directory.authenticate(body.get("username", ""), body.get("password", ""))
        if entry is None:
            log.info("failed intranet login for %r", body.get("username"))
            raise falcon.HTTPUnauthorized(title="invalid credentials")
        resp.media = {"name": str(entry.cn), "title": str(entry.title), "dn": entry.entry_dn}


class DepartmentResource:
    def __init__(self, directory):
        self.directory = directory

    def on_get(self, req, resp):
        dept = req.get_param("dept", required=True)
        site = req.get_param("site", default="*")
        resp.media = {"staff": self.directory.staff_in_department(dept, site)}


def create_app():
    directory = StaffDirectory(LDAP_URL, BASE_DN, os.environ["LDAP_BIND_DN"], os.environ["LDAP_BIND_PASSWORD"])
    app = falcon.App()
    app.add_route("/login", LoginResource(directory))
    app.add_route("/staff", DepartmentResource(directory))
    return app
