"""Referring-provider lookup backed by the group's LDAP directory.

Used by the referral form to autocomplete oral surgeons, periodontists and
ophthalmologists in the network.
"""
import logging
import os
from dataclasses import dataclass

from flask import Flask, jsonify, request
from ldap3 import SUBTREE, Connection, Server

app = Flask(__name__)
log = logging.getLogger("provider_directory")


@dataclass
class DirectoryConfig:
    url: str = os.environ.get("LDAP_URL", "ldaps://ldap.clinicgroup.internal")
    base_dn: str = os.environ.get("LDAP_BASE_DN", "ou=providers,dc=clinicgroup,dc=internal")
    bind_dn: str = os.environ.get("LDAP_BIND_DN", "")
    bind_pw: str = os.environ.get("LDAP_BIND_PW", "")


class DirectoryClient:
    ATTRS = ["cn", "sn", "givenName", "specialty", "npi", "telephoneNumber", "mail"]

    def __init__(self, cfg: DirectoryConfig):
        self.cfg = cfg

    def _connect(self) -> Connection:
        server = Server(self.cfg.url, use_ssl=True, connect_timeout=5)
        return Connection(server, user=self.cfg.bind_dn, password=self.cfg.bind_pw,
                          auto_bind=True, receive_timeout=10)

    @staticmethod
    def build_filter(surname: str, specialty: str) -> str:
        clauses = ["(objectClass=clinicProvider)", "(accountStatus=active)"]
        if surname:
            clauses.append(f"(sn={surname}*)")
        if specialty:
            clauses.append(f"(specialty={specialty})")
        return "(&" + "".join(clauses) + ")"

    def search(self, surname: str, specialty: str, limit: int = 25) -> list:
        query = self.build_filter(surname, specialty)
        with self._connect() as conn:
            conn.search(self.cfg.base_dn, query, search_scope=SUBTREE,  # VULN flow
                        attributes=self.ATTRS, size_limit=limit)
            return [entry.entry_attributes_as_dict for entry in conn.entries]


directory = DirectoryClient(DirectoryConfig())


@app.route("/referrals/providers")
def provider_lookup():
    surname = request.args.get("surname", "").strip()
    specialty = request.args.get("specialty", "").strip()
    if len(surname) < 2 and not specialty:
        return jsonify({"error": "type at least two letters"}), 400
    try:
        results = directory.search(surname, specialty)
    except Exception:
        log.exception("directory search failed")
        return jsonify({"error": "directory unavailable"}), 503
    return jsonify({"providers": results})
