"""Helpdesk tool: look up VoIP subscribers in the provisioning LDAP directory."""
import logging
import os

from flask import Flask, abort, jsonify, request
from flask_login import current_user, login_required
from ldap3 import ALL, SUBTREE, Connection, Server

app = Flask(__name__)
log = logging.getLogger("helpdesk.ldap")

LDAP_URL = os.environ.get("LDAP_URL", "ldaps://ldap.voip.internal")
BASE_DN = "ou=subscribers,dc=voip,dc=example,dc=net"
ATTRS = ["cn", "mail", "telephoneNumber", "sipUri", "voicemailBox", "accountStatus"]


class Directory:
    def __init__(self):
        self.server = Server(LDAP_URL, get_info=ALL, use_ssl=True)

    def _connect(self) -> Connection:
        return Connection(self.server, user=os.environ["LDAP_BIND_DN"],
                          password=os.environ["LDAP_BIND_PW"], auto_bind=True)

    def search(self, ldap_filter: str, limit: int = 25):
        with self._connect() as conn:
            conn.search(BASE_DN, ldap_filter, search_scope=SUBTREE,  # VULN flow
                        attributes=ATTRS, size_limit=limit)
            return [e.entry_attributes_as_dict for e in conn.entries]


directory = Directory()


def subscriber_filter(term: str, tenant: str) -> str:
    term = term.strip()
    return (f"(&(objectClass=voipSubscriber)(tenant={tenant})"
            f"(|(cn=*{term}*)(mail={term})(telephoneNumber={term})))")


@app.route("/helpdesk/subscribers")
@login_required
def find_subscribers():
    term = request.args.get("q", "")
    if len(term) < 3:
        abort(400, "search term too short")
    ldap_filter = subscriber_filter(term, current_user.tenant)
    results = directory.search(ldap_filter)
    log.info("helpdesk search by %s returned %d entries", current_user.id, len(results))
    return jsonify(results=results)
