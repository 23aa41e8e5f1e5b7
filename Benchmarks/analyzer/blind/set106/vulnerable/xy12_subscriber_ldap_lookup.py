"""Subscriber directory lookups against the operator's LDAP (UDR front-end).

Backs the care-desk web tool: agents find a subscriber entry by MSISDN or by
the account holder's surname. The service binds with its own account.
"""
import logging
import os
from typing import List, Optional

from flask import Flask, abort, jsonify, request
from ldap3 import ALL, Connection, Server, SUBTREE

log = logging.getLogger("udr.lookup")

LDAP_URI = os.environ.get("UDR_LDAP_URI", "ldaps://udr-ldap.core.internal:636")
BASE_DN = "ou=subscribers,dc=core,dc=example-telco,dc=net"
ATTRS = ["msisdn", "imsi", "cn", "sn", "serviceProfile", "subscriberStatus"]


class SubscriberDirectory:
    def __init__(self, bind_dn: str, password: str):
        server = Server(LDAP_URI, get_info=ALL, use_ssl=True)
        self.conn = Connection(server, user=bind_dn, password=password, auto_bind=True)

    def _search(self, ldap_filter: str) -> List[dict]:
        self.conn.search(BASE_DN, ldap_filter, search_scope=SUBTREE, attributes=ATTRS, size_limit=50)  # VULN flow
        return [entry.entry_attributes_as_dict for entry in self.conn.entries]

    def by_msisdn(self, msisdn: str) -> Optional[dict]:
        flt = "(&(objectClass=mobileSubscriber)(msisdn=%s))" % msisdn
        hits = self._search(flt)
        return hits[0] if hits else None

    def by_surname(self, surname: str, status: str = "active") -> List[dict]:
        parts = ["(objectClass=mobileSubscriber)", f"(sn={surname}*)"]
        if status:
            parts.append(f"(subscriberStatus={status})")
        return self._search("(&" + "".join(parts) + ")")


app = Flask(__name__)
_directory = None


def directory() -> SubscriberDirectory:
    global _directory
    if _directory is None:
        _directory = SubscriberDirectory(os.environ["UDR_BIND_DN"], os.environ["UDR_BIND_PW"])
    return _directory


@app.get("/care/subscribers")
def find_subscribers():
    msisdn = request.args.get("msisdn")
    surname = request.args.get("surname")
    if msisdn:
        entry = directory().by_msisdn(msisdn)
        if entry is None:
            abort(404)
        return jsonify(entry)
    if surname:
        status = request.args.get("status", "active")
        return jsonify(directory().by_surname(surname, status))
    abort(400, "give msisdn or surname")
