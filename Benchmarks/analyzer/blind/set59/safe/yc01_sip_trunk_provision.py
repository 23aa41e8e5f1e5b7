"""Provision customer SIP trunks on the Asterisk edge and reload PJSIP."""
import logging
import os
import re
import subprocess

from flask import Flask, jsonify, request

app = Flask(__name__)
log = logging.getLogger("sip_trunks")

PJSIP_DIR = os.environ.get("PJSIP_DIR", "/etc/asterisk/pjsip.d")
ASTERISK_BIN = "/usr/sbin/asterisk"
NAME_RE = re.compile(r"^[a-z0-9][a-z0-9_-]{2,31}$")
ALLOWED_CODECS = {"ulaw", "alaw", "g722", "g729", "opus"}

TRUNK_TEMPLATE = """
[{name}]
type=endpoint
context=from-carrier
disallow=all
allow={codecs}
aors={name}
outbound_auth={name}-auth

[{name}-auth]
type=auth
auth_type=userpass
username={username}
password={password}
"""


class TrunkRequest:
    def __init__(self, payload: dict):
        self.name = str(payload.get("name", "")).strip().lower()
        self.codecs = ",".join(c for c in payload.get("codecs", ["ulaw"]) if c in ALLOWED_CODECS)
        self.username = str(payload.get("username", ""))
        self.password = str(payload.get("password", ""))

    def validate(self) -> list:
        errors = []
        if not NAME_RE.match(self.name):
            errors.append("invalid trunk name")
        if not NAME_RE.match(self.username):
            errors.append("invalid username")
        if any(ch in self.password for ch in "\r\n[]") or len(self.password) < 12:
            errors.append("invalid password")
        if not self.codecs:
            errors.append("no supported codec")
        return errors

    def render(self) -> str:
        return TRUNK_TEMPLATE.format(name=self.name, codecs=self.codecs,
                                     username=self.username, password=self.password)


def _asterisk_cmd(command: str) -> str:
    full = [ASTERISK_BIN, "-rx", command]
    out = subprocess.check_output(full, shell=False, timeout=20)
    return out.decode(errors="replace")


@app.route("/api/trunks", methods=["POST"])
def create_trunk():
    trunk = TrunkRequest(request.get_json(force=True) or {})
    errors = trunk.validate()
    if errors:
        return jsonify(errors=errors), 400
    conf_path = os.path.join(PJSIP_DIR, "customer_trunks.conf")
    with open(conf_path, "a", encoding="utf-8") as fh:
        fh.write(trunk.render())
    output = _asterisk_cmd("pjsip reload")
    log.info("trunk %r provisioned", trunk.name)
    return jsonify(status="ok", reload=output.strip()), 201


@app.route("/api/trunks/<name>/status")
def trunk_status(name):
    if not NAME_RE.match(name):
        return jsonify(error="invalid trunk name"), 400
    output = _asterisk_cmd("pjsip show endpoint " + name)
    registered = "Avail" in output or "Not in use" in output
    return jsonify(name=name, registered=registered, raw=output)
