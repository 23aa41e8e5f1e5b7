"""Directory lookups used by the SSO gateway's password login fallback."""
import logging
import os
from dataclasses import dataclass
from typing import List, Optional

import ldap
import ldap.filter

log = logging.getLogger("sso.directory")

LDAP_URI = os.environ.get("LDAP_URI", "ldaps://ldap.corp.example.com")
BASE_DN = "ou=people,dc=corp,dc=example,dc=com"
GROUP_BASE_DN = "ou=groups,dc=corp,dc=example,dc=com"
BIND_DN = "cn=sso-gateway,ou=services,dc=corp,dc=example,dc=com"
BIND_PASSWORD = os.environ["LDAP_BIND_PASSWORD"]
USER_ATTRS = ["uid", "cn", "mail", "departmentNumber"]


@dataclass
class DirectoryUser:
    dn: str
    uid: str
    email: str
    groups: List[str]


class DirectoryClient:
    def __init__(self, uri: str = LDAP_URI):
        self.uri = uri

    def _connect(self, who: str = BIND_DN, cred: str = BIND_PASSWORD):
        conn = ldap.initialize(self.uri)
        conn.set_option(ldap.OPT_REFERRALS, 0)
        conn.set_option(ldap.OPT_NETWORK_TIMEOUT, 5)
        conn.simple_bind_s(who, cred)
        return conn

    def find_user(self, username: str) -> Optional[DirectoryUser]:
        flt = f"(&(objectClass=inetOrgPerson)(uid={ldap.filter.escape_filter_chars(username)}))"
        conn = self._connect()
        try:
            results = conn.search_s(BASE_DN, ldap.SCOPE_SUBTREE, flt, USER_ATTRS)
            if not results:
                return None
            dn, attrs = results[0]
            groups = self._groups_for(conn, dn)
        finally:
            conn.unbind_s()
        return DirectoryUser(
            dn=dn,
            uid=attrs["uid"][0].decode(),
            email=attrs.get("mail", [b""])[0].decode(),
            groups=groups,
        )

    def _groups_for(self, conn, user_dn: str) -> List[str]:
        flt = f"(&(objectClass=groupOfNames)(member={ldap.filter.escape_filter_chars(user_dn)}))"
        return [attrs["cn"][0].decode() for _, attrs in conn.search_s(GROUP_BASE_DN, ldap.SCOPE_ONELEVEL, flt, ["cn"])]

    def authenticate(self, username: str, password: str) -> Optional[DirectoryUser]:
        if not username or not password:
            return None
        user = self.find_user(username)
        if user is None:
            return None
        try:
            self._connect(user.dn, password).unbind_s()
        except ldap.INVALID_CREDENTIALS:
            log.info("ldap bind failed for %r", username)
            return None
        return user
