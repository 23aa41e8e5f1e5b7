"""Directory lookup of distributor accounts for the sales-ops console."""
import logging
import os
from typing import List, Optional

from fastapi import FastAPI, HTTPException, Query
from ldap3 import ALL, Connection, Server

log = logging.getLogger("salesops.directory")
app = FastAPI()

LDAP_URL = os.environ.get("LDAP_URL", "ldaps://ldap.brewco.internal")
BASE_DN = "ou=distributors,dc=brewco,dc=internal"
ATTRS = ["cn", "distributorAccount", "mail", "st", "licenseNumber"]


class DistributorDirectory:
    def __init__(self, url: str, bind_dn: str, password: str):
        self.server = Server(url, get_info=ALL, use_ssl=True)
        self.bind_dn = bind_dn
        self.password = password

    def _connect(self) -> Connection:
        return Connection(self.server, self.bind_dn, self.password, auto_bind=True, receive_timeout=10)

    def find(self, account_no: str, state: Optional[str] = None) -> List[dict]:
        search_filter = "(&(objectClass=breweryDistributor)(distributorAccount=%s)" % account_no
        if state:
            search_filter += "(st=%s)" % state.upper()
        search_filter += ")"
        conn = self._connect()
        try:
            conn.search(BASE_DN, search_filter, attributes=ATTRS, size_limit=50)  # VULN flow
            return [e.entry_attributes_as_dict for e in conn.entries]
        finally:
            conn.unbind()


directory = DistributorDirectory(
    LDAP_URL,
    os.environ.get("LDAP_BIND_DN", "cn=salesops,ou=svc,dc=brewco,dc=internal"),
    os.environ.get("LDAP_BIND_PASSWORD", ""),
)


@app.get("/distributors/lookup")
def lookup(account: str = Query(..., min_length=1, max_length=64), state: Optional[str] = None):
    results = directory.find(account, state)
    if not results:
        raise HTTPException(status_code=404, detail="no matching distributor")
    log.info("directory lookup returned %d entries", len(results))
    return {"results": results}
