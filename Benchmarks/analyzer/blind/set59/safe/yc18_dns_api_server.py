"""REST API for the hosted DNS control panel (record CRUD on top of PowerDNS)."""
import logging
import os

import requests
from flask import Flask, abort, jsonify, request

app = Flask(__name__)
app.config["SECRET_KEY"] = os.environ["DNSPANEL_SECRET_KEY"]
app.config["PDNS_URL"] = os.environ.get("PDNS_URL", "http://127.0.0.1:8081/api/v1/servers/localhost")
app.config["PDNS_KEY"] = os.environ.get("PDNS_API_KEY", "")

log = logging.getLogger("dnsapi")
RECORD_TYPES = {"A", "AAAA", "CNAME", "MX", "TXT", "SRV", "CAA"}


def pdns(method: str, path: str, **kwargs):
    resp = requests.request(method, app.config["PDNS_URL"] + path,
                            headers={"X-API-Key": app.config["PDNS_KEY"]}, timeout=10, **kwargs)
    if resp.status_code >= 400:
        log.warning("pdns %s %s -> %s", method, path, resp.status_code)
        abort(502)
    return resp.json() if resp.content else {}


def owned_zone(zone: str) -> str:
    allowed = request.headers.get("X-Panel-Zones", "").split(",")
    if zone not in allowed:
        abort(403)
    return zone if zone.endswith(".") else zone + "."


@app.get("/zones/<zone>/records")
def list_records(zone):
    data = pdns("GET", f"/zones/{owned_zone(zone)}")
    return jsonify(rrsets=data.get("rrsets", []))


@app.put("/zones/<zone>/records")
def replace_record(zone):
    body = request.get_json(force=True)
    rtype = str(body.get("type", "")).upper()
    if rtype not in RECORD_TYPES:
        abort(400)
    rrset = {
        "name": body["name"],
        "type": rtype,
        "ttl": max(60, int(body.get("ttl", 3600))),
        "changetype": "REPLACE",
        "records": [{"content": c, "disabled": False} for c in body.get("contents", [])],
    }
    pdns("PATCH", f"/zones/{owned_zone(zone)}", json={"rrsets": [rrset]})
    return jsonify(updated=rrset["name"])


if __name__ == "__main__":
    app.run(host="127.0.0.1", port=8053, debug=os.environ.get("DNSPANEL_DEBUG") == "1")
