"""ChatOps bot commands backed by the corporate directory.

    !whois <name>          show contact details for a colleague
    !approve <deploy-id>   approve a pending production deploy (release managers only)
"""
import logging
import os
from typing import Dict, List, Optional

from ldap3 import ALL, SUBTREE, Connection, Server
from ldap3.utils.conv import escape_filter_chars

log = logging.getLogger("chatops.directory")

LDAP_URL = os.environ.get("LDAP_URL", "ldaps://ldap.corp.internal")
PEOPLE_DN = "ou=people,dc=corp,dc=internal"
RELEASE_MANAGERS_DN = "cn=release-managers,ou=groups,dc=corp,dc=internal"
WHOIS_ATTRS = ["cn", "mail", "title", "telephoneNumber", "chatHandle"]


class Directory:
    def __init__(self) -> None:
        self.server = Server(LDAP_URL, get_info=ALL, use_ssl=True)
        self.bind_dn = os.environ["LDAP_BIND_DN"]
        self.bind_pw = os.environ["LDAP_BIND_PASSWORD"]

    def _conn(self) -> Connection:
        return Connection(self.server, self.bind_dn, self.bind_pw, auto_bind=True, read_only=True)

    def find_people(self, name: str) -> List[Dict[str, str]]:
        name = escape_filter_chars(name)
        query = f"(&(objectClass=inetOrgPerson)(|(uid={name})(cn=*{name}*)))"
        with self._conn() as conn:
            conn.search(PEOPLE_DN, query, search_scope=SUBTREE, attributes=WHOIS_ATTRS, size_limit=5)
            return [{a: str(e[a]) for a in WHOIS_ATTRS if a in e} for e in conn.entries]

    def is_member(self, chat_handle: str, group_dn: str) -> bool:
        filt = "(&(objectClass=inetOrgPerson)(chatHandle=%s)(memberOf=%s))" % (
            escape_filter_chars(chat_handle), escape_filter_chars(group_dn))
        with self._conn() as conn:
            conn.search(PEOPLE_DN, filt, search_scope=SUBTREE, attributes=["uid"])
            return len(conn.entries) > 0


class DirectoryCommands:
    def __init__(self, directory: Directory, deploys) -> None:
        self.directory = directory
        self.deploys = deploys

    def handle(self, sender: str, text: str) -> Optional[str]:
        cmd, _, arg = text.strip().partition(" ")
        arg = arg.strip()
        if cmd == "!whois" and arg:
            people = self.directory.find_people(arg)
            if not people:
                return f"nobody matches {arg!r}"
            return "\n".join(f"{p.get('cn')} <{p.get('mail')}> {p.get('title', '')}" for p in people)
        if cmd == "!approve" and arg:
            if not self.directory.is_member(sender, RELEASE_MANAGERS_DN):
                log.warning("approval denied for %r on deploy %r", sender, arg)
                return "only release managers can approve production deploys"
            self.deploys.approve(arg, approver=sender)
            return f"deploy {arg} approved by {sender}"
        return None
