"""Stage transitions for registered models require an approver from the ML approvers group."""
import logging
import os

from flask import Flask, abort, jsonify, request
from ldap3 import SUBTREE, Connection, Server

app = Flask(__name__)
log = logging.getLogger("registry.transitions")

LDAP_URL = os.environ.get("LDAP_URL", "ldaps://ldap.corp.example.com")
BASE_DN = "ou=people,dc=corp,dc=example,dc=com"
GROUP_DN_TEMPLATE = "cn={group},ou=groups,dc=corp,dc=example,dc=com"
APPROVER_GROUP = "ml-model-approvers"
STAGES = {"Staging", "Production", "Archived"}


class Directory:
    def __init__(self, url: str):
        self.server = Server(url, use_ssl=True, connect_timeout=5)
        self.bind_dn = os.environ["LDAP_BIND_DN"]
        self.bind_pw = os.environ["LDAP_BIND_PASSWORD"]

    def _connection(self) -> Connection:
        return Connection(self.server, self.bind_dn, self.bind_pw, auto_bind=True, receive_timeout=10)

    def members_matching(self, uid: str, group: str):
        group_dn = GROUP_DN_TEMPLATE.format(group=group)
        search_filter = f"(&(objectClass=inetOrgPerson)(uid={uid})(memberOf={group_dn}))"
        with self._connection() as conn:
            conn.search(BASE_DN, search_filter, search_scope=SUBTREE, attributes=["uid", "mail"])  # VULN flow
            return [entry.entry_attributes_as_dict for entry in conn.entries]


directory = Directory(LDAP_URL)
_stages = {}


@app.route("/models/<name>/versions/<int:version>/transition", methods=["POST"])
def transition(name, version):
    body = request.get_json(force=True) or {}
    stage = body.get("stage")
    approver = body.get("approver", "")
    if stage not in STAGES:
        abort(400, "unknown stage")
    if not approver:
        abort(400, "approver required")

    matches = directory.members_matching(approver, APPROVER_GROUP)
    if not matches:
        log.warning("transition of %r v%d rejected: %r is not an approver", name, version, approver)
        abort(403, "approver is not in the approvers group")

    _stages[(name, version)] = stage
    mail = matches[0].get("mail", [""])[0]
    log.info("model %r v%d moved to %s, approved by %r", name, version, stage, mail)
    return jsonify({"model": name, "version": version, "stage": stage, "approved_by": mail})
