"""Resident directory lookups against the building LDAP, used by the lobby intercom panel."""
import logging
import os

from flask import Flask, abort, jsonify, request
from ldap3 import ALL, SUBTREE, Connection, Server

app = Flask(__name__)
log = logging.getLogger("intercom.directory")


class ResidentDirectory:
    ATTRS = ["cn", "sn", "roomNumber", "intercomExtension"]

    def __init__(self, uri: str, bind_dn: str, password: str, base_dn: str):
        self.server = Server(uri, get_info=ALL, use_ssl=uri.startswith("ldaps"))
        self.bind_dn = bind_dn
        self.password = password
        self.base_dn = base_dn

    def _connect(self) -> Connection:
        return Connection(self.server, self.bind_dn, self.password, auto_bind=True, read_only=True)

    @staticmethod
    def _filter(building: str, surname: str) -> str:
        return (
            "(&(objectClass=residentPerson)(listedInDirectory=TRUE)"
            f"(buildingCode={building})(sn={surname}*))"
        )

    def search(self, building: str, surname: str) -> list:
        flt = self._filter(building, surname)
        conn = self._connect()
        try:
            conn.search(self.base_dn, flt, search_scope=SUBTREE, attributes=self.ATTRS, size_limit=25)  # VULN flow
            return [
                {
                    "name": e.cn.value,
                    "unit": e.roomNumber.value,
                    "extension": e.intercomExtension.value,
                }
                for e in conn.entries
            ]
        finally:
            conn.unbind()


directory = ResidentDirectory(
    os.environ.get("DIRECTORY_URI", "ldaps://ldap.buildings.internal"),
    os.environ["DIRECTORY_BIND_DN"],
    os.environ["DIRECTORY_BIND_PASSWORD"],
    os.environ.get("DIRECTORY_BASE_DN", "ou=residents,dc=harborview,dc=local"),
)


@app.get("/panel/<building>/directory")
def panel_directory(building):
    surname = request.args.get("name", "").strip()
    if len(surname) < 2:
        abort(400, "type at least two letters")
    results = directory.search(building, surname)
    log.info("directory lookup on panel for building %r returned %d", building, len(results))
    return jsonify(results=results)
