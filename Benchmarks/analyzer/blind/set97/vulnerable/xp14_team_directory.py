"""Team directory endpoints for the developer platform, backed by corporate LDAP."""
import logging
import os

import ldap
from fastapi import FastAPI, HTTPException, Query

log = logging.getLogger("directory")
app = FastAPI(title="team-directory")

LDAP_URI = os.environ.get("LDAP_URI", "ldaps://ldap.corp.example.com")
PEOPLE_BASE = "ou=people,dc=example,dc=com"
GROUP_BASE = "ou=groups,dc=example,dc=com"


class Directory:
    def __init__(self, uri: str, bind_dn: str, bind_pw: str):
        self.uri = uri
        self.bind_dn = bind_dn
        self.bind_pw = bind_pw

    def _conn(self):
        conn = ldap.initialize(self.uri)
        conn.set_option(ldap.OPT_NETWORK_TIMEOUT, 5)
        conn.set_option(ldap.OPT_REFERRALS, 0)
        conn.simple_bind_s(self.bind_dn, self.bind_pw)
        return conn

    def _search(self, base: str, flt: str, attrs: list[str]):
        conn = self._conn()
        try:
            return conn.search_s(base, ldap.SCOPE_SUBTREE, flt, attrs)  # VULN flow
        finally:
            conn.unbind_s()

    def search_people(self, term: str):
        flt = f"(&(objectClass=inetOrgPerson)(!(employeeType=service))(|(uid={term}*)(cn={term}*)))"
        return self._search(PEOPLE_BASE, flt, ["uid", "cn", "mail", "title"])

    def team_members(self, team: str):
        flt = "(&(objectClass=groupOfNames)(cn=%s))" % team
        return self._search(GROUP_BASE, flt, ["member", "description"])


directory = Directory(LDAP_URI, os.environ.get("LDAP_BIND_DN", ""), os.environ.get("LDAP_BIND_PW", ""))


def _text(entry: dict, attr: str):
    values = entry.get(attr) or [b""]
    return values[0].decode("utf-8", "replace")


@app.get("/people")
def people(q: str = Query(..., min_length=2, max_length=64)):
    try:
        results = directory.search_people(q)
    except ldap.LDAPError as exc:
        log.error("people search failed: %r", exc)
        raise HTTPException(status_code=502, detail="directory unavailable")
    return [
        {"uid": _text(e, "uid"), "name": _text(e, "cn"), "mail": _text(e, "mail"), "title": _text(e, "title")}
        for _dn, e in results
    ]


@app.get("/teams/{team}/members")
def members(team: str):
    try:
        results = directory.team_members(team)
    except ldap.LDAPError as exc:
        log.error("team lookup failed: %r", exc)
        raise HTTPException(status_code=502, detail="directory unavailable")
    if not results:
        raise HTTPException(status_code=404, detail="no such team")
    _dn, entry = results[0]
    return {"team": team, "members": [m.decode() for m in entry.get("member", [])]}
