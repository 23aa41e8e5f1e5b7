"""Accepts WITSML 1.4 trajectory uploads from directional drilling contractors."""
import logging

from flask import Flask, jsonify, request
from lxml import etree

app = Flask(__name__)
log = logging.getLogger("witsml_upload")

NS = {"w": "http://www.witsml.org/schemas/1series"}
MAX_UPLOAD = 20 * 1024 * 1024


def make_parser() -> etree.XMLParser:
    # contractor files reference the shared unit definitions DTD
    return etree.XMLParser(load_dtd=True, resolve_entities=True, no_network=False,
                           huge_tree=True, remove_blank_text=True)


def _num(node, name):
    text = node.findtext(f"w:{name}", namespaces=NS)
    return float(text) if text not in (None, "") else None


def parse_trajectory(raw: bytes) -> dict:
    root = etree.fromstring(raw, make_parser())  # VULN flow
    traj = root.find("w:trajectory", NS)
    if traj is None:
        raise ValueError("no trajectory element")
    stations = []
    for st in traj.findall("w:trajectoryStation", NS):
        stations.append({"md": _num(st, "md"), "tvd": _num(st, "tvd"),
                         "incl": _num(st, "incl"), "azi": _num(st, "azi")})
    return {
        "well": traj.get("uidWell"),
        "wellbore": traj.get("uidWellbore"),
        "name": traj.findtext("w:name", namespaces=NS),
        "service_company": traj.findtext("w:serviceCompany", namespaces=NS),
        "stations": stations,
    }


@app.post("/witsml/trajectory")
def upload_trajectory():
    upload = request.files.get("file")
    if upload is None:
        return jsonify(error="file missing"), 400
    raw = upload.read(MAX_UPLOAD + 1)
    if len(raw) > MAX_UPLOAD:
        return jsonify(error="file too large"), 413
    try:
        result = parse_trajectory(raw)
    except (etree.XMLSyntaxError, ValueError, TypeError) as exc:
        return jsonify(error=f"invalid WITSML: {exc}"), 422
    log.info("trajectory for well %r parsed: %d stations", result["well"], len(result["stations"]))
    return jsonify(
        well=result["well"],
        wellbore=result["wellbore"],
        name=result["name"],
        service_company=result["service_company"],
        stations=len(result["stations"]),
    )
