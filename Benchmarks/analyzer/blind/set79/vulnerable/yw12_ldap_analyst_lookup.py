"""/whois slash command for the incident bot: resolves a username to the
analyst's on-call details from Active Directory."""
import hashlib
import hmac
import logging
import os
import time

from flask import Flask, abort, jsonify, request
from ldap3 import ALL, SUBTREE, Connection, Server

LDAP_URL = os.environ.get("LDAP_URL", "ldaps://dc01.corp.internal")
BIND_DN = os.environ.get("LDAP_BIND_DN", "CN=svc-incidentbot,OU=Service,DC=corp,DC=internal")
BIND_PW = os.environ.get("LDAP_BIND_PW", "")
BASE_DN = "OU=Staff,DC=corp,DC=internal"
ATTRS = ["displayName", "mail", "telephoneNumber", "department", "title"]
SLACK_SIGNING_SECRET = os.environ.get("SLACK_SIGNING_SECRET", "").encode()

log = logging.getLogger("incidentbot.whois")
app = Flask(__name__)


def _verify_slack(req) -> bool:
    ts = req.headers.get("X-Slack-Request-Timestamp", "0")
    if abs(time.time() - int(ts)) > 300:
        return False
    base = b"v0:" + ts.encode() + b":" + req.get_data()
    expected = "v0=" + hmac.new(SLACK_SIGNING_SECRET, base, hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected, req.headers.get("X-Slack-Signature", ""))


def _connect() -> Connection:
    server = Server(LDAP_URL, get_info=ALL, connect_timeout=5)
    return Connection(server, BIND_DN, BIND_PW, auto_bind=True, receive_timeout=10)


def build_filter(username: str, team: str = None) -> str:
    flt = f"(&(objectClass=person)(sAMAccountName={username})"
    if team:
        flt += f"(department={team})"
    return flt + ")"


def lookup(username: str, team: str = None) -> list:
    conn = _connect()
    try:
        search_filter = build_filter(username, team)
        conn.search(BASE_DN, search_filter, SUBTREE, attributes=ATTRS, size_limit=10)  # VULN flow
        return [e.entry_attributes_as_dict for e in conn.entries]
    finally:
        conn.unbind()


@app.route("/slack/whois", methods=["POST"])
def whois():
    if not _verify_slack(request):
        abort(401)
    words = request.form.get("text", "").split()
    if not words:
        return jsonify(response_type="ephemeral", text="usage: /whois <username> [team]")
    team = words[1] if len(words) > 1 else None
    results = lookup(words[0], team)
    if not results:
        return jsonify(response_type="ephemeral", text="no match")
    lines = [
        f"*{r.get('displayName', ['?'])[0]}* - {r.get('title', [''])[0]} "
        f"({r.get('department', [''])[0]}) {r.get('telephoneNumber', [''])[0]}"
        for r in results
    ]
    return jsonify(response_type="ephemeral", text="\n".join(lines))
