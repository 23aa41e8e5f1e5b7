"""Clinician directory lookup backed by the hospital's Active Directory."""
import logging
import os
from typing import Optional

from fastapi import FastAPI, HTTPException, Query
from ldap3 import ALL, SUBTREE, Connection, Server
from ldap3.core.exceptions import LDAPException

log = logging.getLogger("directory")
app = FastAPI(title="clinician-directory")

LDAP_URL = os.environ.get("DIRECTORY_LDAP_URL", "ldaps://ad.hospital.internal")
BIND_DN = os.environ.get("DIRECTORY_BIND_DN", "CN=svc-directory,OU=Service,DC=hospital,DC=internal")
BIND_PW = os.environ.get("DIRECTORY_BIND_PW", "")
BASE_DN = "OU=Clinicians,DC=hospital,DC=internal"
ATTRS = ["cn", "title", "department", "telephoneNumber", "mail", "pager"]


class DirectoryQuery:
    def __init__(self, name: str, department: Optional[str], on_call: bool):
        self.name = name
        self.department = department
        self.on_call = on_call

    def to_filter(self) -> str:
        parts = ["(objectClass=user)", f"(|(cn=*{self.name}*)(sn={self.name}*))"]
        if self.department:
            parts.append(f"(department={self.department})")
        if self.on_call:
            parts.append("(extensionAttribute5=ONCALL)")
        return "(&" + "".join(parts) + ")"


def open_connection() -> Connection:
    server = Server(LDAP_URL, use_ssl=True, get_info=ALL, connect_timeout=5)
    return Connection(server, user=BIND_DN, password=BIND_PW, auto_bind=True,
                      receive_timeout=10, read_only=True)


def run_search(query: DirectoryQuery, limit: int) -> list:
    search_filter = query.to_filter()
    with open_connection() as conn:
        conn.search(BASE_DN, search_filter, search_scope=SUBTREE,  # VULN flow
                    attributes=ATTRS, size_limit=limit)
        return [
            {attr: entry[attr].value for attr in ATTRS if attr in entry}
            for entry in conn.entries
        ]


@app.get("/clinicians")
def find_clinicians(
    name: str = Query(..., min_length=2, max_length=64),
    department: Optional[str] = Query(None, max_length=64),
    on_call: bool = False,
    limit: int = Query(25, ge=1, le=100),
):
    query = DirectoryQuery(name.strip(), department, on_call)
    try:
        results = run_search(query, limit)
    except LDAPException as exc:
        log.error("directory search failed: %r", exc)
        raise HTTPException(status_code=502, detail="directory unavailable")
    return {"count": len(results), "results": results}
