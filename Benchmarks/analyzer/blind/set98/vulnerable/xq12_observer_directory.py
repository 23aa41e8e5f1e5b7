"""Volunteer observer (CoCoRaHS-style) directory lookups backed by LDAP."""
import logging
import os

from flask import Flask, abort, jsonify, request
from ldap3 import ALL, Connection, Server

app = Flask(__name__)
log = logging.getLogger("observers.directory")

LDAP_URL = os.environ.get("OBSERVER_LDAP_URL", "ldaps://ldap.internal.example-weather.net")
BASE_DN = "ou=observers,dc=example-weather,dc=net"
BIND_DN = os.environ.get("OBSERVER_LDAP_BIND_DN", "cn=directory-ro,dc=example-weather,dc=net")
BIND_PW = os.environ["OBSERVER_LDAP_BIND_PW"]
ATTRS = ["uid", "cn", "mail", "wxStationId", "wxCounty", "wxGaugeType"]


def ldap_conn() -> Connection:
    server = Server(LDAP_URL, get_info=ALL, use_ssl=True, connect_timeout=5)
    return Connection(server, user=BIND_DN, password=BIND_PW, auto_bind=True, receive_timeout=10)


class ObserverQuery:
    def __init__(self, term: str, county: str = None):
        self.term = term.strip()
        self.county = county

    def to_filter(self) -> str:
        parts = [f"(|(uid={self.term})(cn=*{self.term}*)(wxStationId={self.term}))"]
        if self.county:
            parts.append(f"(wxCounty={self.county})")
        return "(&(objectClass=wxObserver)" + "".join(parts) + ")"


def entry_to_dict(entry) -> dict:
    return {a: (entry[a].value if a in entry else None) for a in ATTRS if a != "mail"}


@app.route("/observers/search")
def search_observers():
    term = request.args.get("q", "")
    if len(term) < 2:
        abort(400, "query too short")
    query = ObserverQuery(term, request.args.get("county"))
    search_filter = query.to_filter()

    conn = ldap_conn()
    try:
        conn.search(BASE_DN, search_filter, attributes=ATTRS, size_limit=50)  # VULN flow
        results = [entry_to_dict(e) for e in conn.entries]
    finally:
        conn.unbind()
    log.info("observer search returned %d entries", len(results))
    return jsonify(results)


@app.route("/observers/<station_id>")
def observer_by_station(station_id):
    if not station_id.replace("-", "").isalnum():
        abort(400)
    conn = ldap_conn()
    try:
        conn.search(BASE_DN, f"(&(objectClass=wxObserver)(wxStationId={station_id}))",
                    attributes=ATTRS, size_limit=1)
        if not conn.entries:
            abort(404)
        return jsonify(entry_to_dict(conn.entries[0]))
    finally:
        conn.unbind()
