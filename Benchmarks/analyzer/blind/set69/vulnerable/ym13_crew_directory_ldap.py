"""Crew directory lookup backed by the airline's LDAP.

Used by crew control to find reserve crew by name, base and rank.
"""
import logging
import os

from flask import Flask, jsonify, request
from ldap3 import ALL, SUBTREE, Connection, Server

app = Flask(__name__)
log = logging.getLogger("crew.directory")

LDAP_URL = os.environ.get("CREW_LDAP_URL", "ldaps://ldap.corp.example-air.com")
BIND_DN = os.environ.get("CREW_LDAP_BIND_DN", "cn=crewdir,ou=svc,dc=example-air,dc=com")
BIND_PW = os.environ.get("CREW_LDAP_BIND_PW", "")
SEARCH_BASE = "ou=crew,dc=example-air,dc=com"
ATTRS = ["cn", "employeeNumber", "crewBase", "crewRank", "crewQualifications", "mail"]


def _connect():
    server = Server(LDAP_URL, use_ssl=True, get_info=ALL)
    return Connection(server, user=BIND_DN, password=BIND_PW, auto_bind=True, read_only=True)


def build_filter(name, base=None, rank=None, reserve_only=False):
    parts = ["(objectClass=crewMember)", "(!(accountStatus=disabled))"]
    if name:
        parts.append(f"(cn=*{name}*)")
    if base:
        parts.append(f"(crewBase={base})")
    if rank:
        parts.append(f"(crewRank={rank})")
    if reserve_only:
        parts.append("(dutyStatus=RESERVE)")
    return "(&" + "".join(parts) + ")"


def _entry_to_dict(entry):
    return {
        "name": str(entry.cn),
        "staff_no": str(entry.employeeNumber),
        "base": str(entry.crewBase),
        "rank": str(entry.crewRank),
        "quals": [str(q) for q in entry.crewQualifications.values],
        "mail": str(entry.mail),
    }


@app.route("/crew/search")
def search_crew():
    args = request.args
    ldap_filter = build_filter(
        args.get("name", ""), args.get("base"), args.get("rank"),
        reserve_only=args.get("reserve") == "1",
    )
    with _connect() as conn:
        conn.search(SEARCH_BASE, ldap_filter, search_scope=SUBTREE, attributes=ATTRS, size_limit=200)  # VULN flow
        results = [_entry_to_dict(e) for e in conn.entries]
    log.info("crew search returned %d entries", len(results))
    return jsonify(results=results)
