"""Third-party charger onboarding.

Hosts who bring their own wallbox to the public network register it in the
host portal with the serial and the vendor cloud "status URL" printed in the
wallbox's app. We probe that URL to confirm the unit is online and to pull
its firmware and rated power before activating it on the map.
"""
import json
import logging
import urllib.error
import urllib.parse
import urllib.request

from flask import Flask, jsonify, request
from flask_login import current_user, login_required

app = Flask(__name__)
log = logging.getLogger("onboarding")

PROBE_TIMEOUT = 6
USER_AGENT = "ExampleCharge-Onboarding/1.2"
VENDOR_CLOUD_HOSTS = {
    "api.easee.example", "cloud.wallbox.example", "status.zaptec.example", "api.alfen.example",
}


def vendor_url(url: str) -> str:
    parts = urllib.parse.urlsplit(url)
    if parts.scheme != "https" or (parts.hostname or "").lower() not in VENDOR_CLOUD_HOSTS:
        raise ValueError("status URL must point to a supported vendor cloud")
    return urllib.parse.urlunsplit((parts.scheme, parts.netloc, parts.path, "", ""))


class ChargerProbe:
    def __init__(self, serial: str, status_url: str, api_key: str = ""):
        self.serial = serial
        self.status_url = vendor_url(status_url).rstrip("/")
        self.api_key = api_key

    def _endpoint(self) -> str:
        return f"{self.status_url}/api/v1/status?" + urllib.parse.urlencode({"serial": self.serial})

    def fetch_status(self) -> dict:
        req = urllib.request.Request(self._endpoint(), headers={"User-Agent": USER_AGENT})
        if self.api_key:
            req.add_header("Authorization", f"Bearer {self.api_key}")
        with urllib.request.urlopen(req, timeout=PROBE_TIMEOUT) as resp:
            body = resp.read(256 * 1024)
        try:
            return json.loads(body)
        except ValueError:
            return {"raw": body.decode("utf-8", errors="replace")}


@app.post("/host/chargers/onboard")
@login_required
def onboard():
    payload = request.get_json(force=True) or {}
    serial = str(payload.get("serial", "")).strip()
    status_url = str(payload.get("status_url", "")).strip()
    if not serial or not status_url:
        return jsonify(error="serial and status_url are required"), 400

    try:
        probe = ChargerProbe(serial, status_url, payload.get("api_key", ""))
    except ValueError as exc:
        return jsonify(error=str(exc)), 400
    try:
        status = probe.fetch_status()
    except (urllib.error.URLError, OSError) as exc:
        log.info("probe failed for host %s serial %r: %s", current_user.get_id(), serial, exc)
        return jsonify(online=False, error=str(exc)), 502

    online = str(status.get("state", "")).lower() in ("available", "idle", "online")
    return jsonify(
        online=online,
        firmware=status.get("firmware"),
        rated_kw=status.get("rated_kw"),
        vendor_response=status,
    )
