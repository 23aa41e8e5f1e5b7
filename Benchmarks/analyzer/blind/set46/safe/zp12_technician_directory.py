"""Directory lookups for the field-technician roster (FastAPI + ldap3)."""
import logging
import os
from typing import List, Optional

from fastapi import FastAPI, HTTPException, Query
from ldap3 import ALL, Connection, Server, SUBTREE
from ldap3.utils.conv import escape_filter_chars

log = logging.getLogger("tech-directory")
app = FastAPI(title="technician-directory")

LDAP_URL = "ldaps://ldap.corp.internal:636"
BASE_DN = "ou=field,dc=corp,dc=internal"
BIND_DN = "cn=svc-techdir,ou=service,dc=corp,dc=internal"
BIND_PASSWORD = os.environ["TECHDIR_BIND_PASSWORD"]
ATTRS = ["uid", "cn", "mail", "telephoneNumber", "region", "skills"]


class Directory:
    def __init__(self):
        self.server = Server(LDAP_URL, get_info=ALL, use_ssl=True)

    def _conn(self) -> Connection:
        return Connection(self.server, BIND_DN, BIND_PASSWORD, auto_bind=True, read_only=True)

    def search(self, ldap_filter: str) -> List[dict]:
        with self._conn() as conn:
            conn.search(BASE_DN, ldap_filter, search_scope=SUBTREE, attributes=ATTRS, size_limit=200)
            return [e.entry_attributes_as_dict for e in conn.entries]


directory = Directory()


def technician_filter(region: Optional[str], skill: Optional[str]) -> str:
    parts = ["(objectClass=inetOrgPerson)", "(employeeType=technician)"]
    if region:
        parts.append(f"(region={escape_filter_chars(region)})")
    if skill:
        parts.append(f"(skills=*{escape_filter_chars(skill)}*)")
    return "(&" + "".join(parts) + ")"


@app.get("/technicians")
def list_technicians(region: Optional[str] = None, skill: Optional[str] = Query(None, max_length=64)):
    flt = technician_filter(region, skill)
    results = directory.search(flt)
    log.info("technician search returned %d entries", len(results))
    return {"count": len(results), "technicians": results}


@app.get("/technicians/{uid}")
def get_technician(uid: str):
    results = directory.search("(uid=%s)" % escape_filter_chars(uid))
    if not results:
        raise HTTPException(status_code=404, detail="not found")
    return results[0]
