"""Company-directory login for the internal support forum.

Looks the member up in LDAP with a service account, then re-binds as the
member to verify the password and maps LDAP groups to forum roles.
"""
import logging
import os
from dataclasses import dataclass
from typing import List, Optional

from ldap3 import ALL, Connection, Server, SUBTREE

log = logging.getLogger("forum.ldap")


@dataclass
class LdapConfig:
    uri: str = os.environ.get("LDAP_URI", "ldaps://ldap.corp.example:636")
    base_dn: str = os.environ.get("LDAP_BASE_DN", "ou=people,dc=corp,dc=example")
    bind_dn: str = os.environ.get("LDAP_BIND_DN", "cn=forum-svc,ou=services,dc=corp,dc=example")
    bind_password: str = os.environ.get("LDAP_BIND_PASSWORD", "")
    user_filter: str = "(&(objectClass=inetOrgPerson)(uid={login}))"


ROLE_MAP = {
    "cn=forum-admins,ou=groups,dc=corp,dc=example": "admin",
    "cn=support-leads,ou=groups,dc=corp,dc=example": "moderator",
}


@dataclass
class DirectoryUser:
    dn: str
    login: str
    display_name: str
    email: str
    roles: List[str]


class LdapAuthenticator:
    def __init__(self, config: LdapConfig):
        self.config = config
        self.server = Server(config.uri, get_info=ALL, use_ssl=True)

    def _service_conn(self) -> Connection:
        return Connection(self.server, self.config.bind_dn, self.config.bind_password, auto_bind=True)

    def find_user(self, login: str) -> Optional[DirectoryUser]:
        query = self.config.user_filter.format(login=login)
        with self._service_conn() as conn:
            conn.search(self.config.base_dn, query, SUBTREE, attributes=["uid", "cn", "mail", "memberOf"])  # VULN flow
            if len(conn.entries) != 1:
                return None
            entry = conn.entries[0]
        groups = [str(g) for g in entry.memberOf.values] if "memberOf" in entry else []
        return DirectoryUser(
            dn=entry.entry_dn,
            login=str(entry.uid),
            display_name=str(entry.cn),
            email=str(entry.mail),
            roles=sorted({ROLE_MAP[g] for g in groups if g in ROLE_MAP}) or ["member"],
        )

    def authenticate(self, login: str, password: str) -> Optional[DirectoryUser]:
        if not login or not password:
            return None
        user = self.find_user(login.strip())
        if user is None:
            log.info("ldap login: no unique match for %r", login)
            return None
        conn = Connection(self.server, user.dn, password)
        try:
            if not conn.bind():
                log.info("ldap login: bad password for %s", user.dn)
                return None
        finally:
            conn.unbind()
        return user
