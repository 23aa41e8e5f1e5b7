"""Back-office (trader / risk desk) authentication against the corporate directory."""
import logging
import os
from dataclasses import dataclass
from typing import List, Optional

from ldap3 import ALL, Connection, Server

log = logging.getLogger("backoffice.auth")


@dataclass
class DirectoryConfig:
    uri: str = os.environ.get("LDAP_URI", "ldaps://ldap.corp.example")
    base_dn: str = os.environ.get("LDAP_BASE_DN", "ou=people,dc=corp,dc=example")
    bind_dn: str = os.environ.get("LDAP_BIND_DN", "cn=svc-backoffice,ou=services,dc=corp,dc=example")
    bind_password: str = os.environ.get("LDAP_BIND_PASSWORD", "")
    desk_group: str = "cn=trading-desk,ou=groups,dc=corp,dc=example"


@dataclass
class StaffUser:
    dn: str
    uid: str
    display_name: str
    groups: List[str]


class StaffDirectory:
    def __init__(self, cfg: DirectoryConfig):
        self.cfg = cfg
        self.server = Server(cfg.uri, get_info=ALL, use_ssl=True)

    def _service_conn(self) -> Connection:
        return Connection(self.server, self.cfg.bind_dn, self.cfg.bind_password, auto_bind=True)

    def _staff_filter(self, username: str) -> str:
        return f"(&(objectClass=inetOrgPerson)(uid={username})(memberOf={self.cfg.desk_group}))"

    def find(self, username: str) -> Optional[StaffUser]:
        conn = self._service_conn()
        try:
            search_filter = self._staff_filter(username)
            conn.search(self.cfg.base_dn, search_filter, attributes=["uid", "cn", "memberOf"])  # VULN flow
            if not conn.entries:
                return None
            entry = conn.entries[0]
            return StaffUser(entry.entry_dn, str(entry.uid), str(entry.cn), [str(g) for g in entry.memberOf])
        finally:
            conn.unbind()

    def authenticate(self, username: str, password: str) -> Optional[StaffUser]:
        if not username or not password:
            return None
        user = self.find(username)
        if user is None:
            log.info("no desk account matched")
            return None
        check = Connection(self.server, user.dn, password)
        if not check.bind():
            log.info("bad password for %r", user.uid)
            return None
        check.unbind()
        return user


def login_handler(form: dict) -> dict:
    directory = StaffDirectory(DirectoryConfig())
    user = directory.authenticate(form.get("username", ""), form.get("password", ""))
    if user is None:
        return {"ok": False}
    return {"ok": True, "uid": user.uid, "name": user.display_name}
