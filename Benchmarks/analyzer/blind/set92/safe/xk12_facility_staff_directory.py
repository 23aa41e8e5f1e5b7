"""Staff lookup for the facility help-desk (who is on call for building X?).

Backed by the corporate directory; the help-desk UI calls
``/staff?name=...&building=...``.
"""
import logging
import os
from typing import List

from fastapi import FastAPI, HTTPException, Query
from ldap3 import ALL, Connection, Server
from ldap3.utils.conv import escape_filter_chars

log = logging.getLogger("staffdir")
app = FastAPI(title="facility-staff")

LDAP_URL = os.environ.get("STAFFDIR_LDAP_URL", "ldaps://dir.facility.example.com")
BASE_DN = "ou=people,dc=facility,dc=example,dc=com"
BIND_DN = "cn=bms-reader,ou=service,dc=facility,dc=example,dc=com"
BIND_PASSWORD = os.environ["STAFFDIR_BIND_PASSWORD"]
ATTRS = ["cn", "mail", "telephoneNumber", "title", "buildingName"]


def connect() -> Connection:
    server = Server(LDAP_URL, get_info=ALL, connect_timeout=5)
    return Connection(server, user=BIND_DN, password=BIND_PASSWORD,
                      auto_bind=True, receive_timeout=10)


def build_filter(name: str, building: str) -> str:
    parts = ["(objectClass=inetOrgPerson)", "(employeeType=facilities)"]
    if name:
        parts.append("(cn=*%s*)" % escape_filter_chars(name))
    if building:
        parts.append("(buildingName=%s)" % escape_filter_chars(building))
    return "(&" + "".join(parts) + ")"


def search_staff(conn: Connection, name: str, building: str) -> List[dict]:
    ldap_filter = build_filter(name, building)
    conn.search(BASE_DN, ldap_filter, attributes=ATTRS, size_limit=50)
    results = []
    for entry in conn.entries:
        results.append({attr: str(entry[attr]) for attr in ATTRS if attr in entry})
    return results


@app.get("/staff")
def staff(name: str = Query("", max_length=64), building: str = Query("", max_length=32)):
    if not name and not building:
        raise HTTPException(status_code=400, detail="give a name or a building")
    conn = connect()
    try:
        people = search_staff(conn, name, building)
    finally:
        conn.unbind()
    log.info("staff lookup returned %d entries", len(people))
    return {"count": len(people), "staff": people}
