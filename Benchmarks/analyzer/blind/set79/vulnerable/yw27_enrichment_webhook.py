"""Receives detonation results from the sandbox cluster and attaches them to
the matching incident ticket.

The sandbox workers post back from the detonation VLAN once a sample has
finished running.
"""
import logging
import os
import re
from dataclasses import dataclass, field

import jsonpickle
import requests
from flask import Flask, jsonify, request

TICKET_API = os.environ.get("TICKET_API", "https://tickets.corp.internal/api/v2")
TICKET_TOKEN = os.environ.get("TICKET_API_TOKEN", "")
INCIDENT_RE = re.compile(r"^[A-Z]+-\d+$")

log = logging.getLogger("sandbox_hook")
app = Flask(__name__)


@dataclass
class SandboxReport:
    sha256: str
    incident_id: str
    verdict: str = "unknown"
    score: int = 0
    signatures: list = field(default_factory=list)
    contacted_hosts: list = field(default_factory=list)


def _decode(blob: str) -> SandboxReport:
    report = jsonpickle.decode(blob)  # VULN flow
    if not isinstance(report, SandboxReport) or not INCIDENT_RE.match(str(report.incident_id)):
        raise ValueError("payload is not a SandboxReport")
    return report


def attach_to_incident(report: SandboxReport) -> int:
    note = (
        f"Sandbox verdict for {report.sha256[:16]}: {report.verdict} (score {report.score})\n"
        f"Signatures: {', '.join(report.signatures[:20]) or 'none'}\n"
        f"Contacted: {', '.join(report.contacted_hosts[:20]) or 'none'}"
    )
    resp = requests.post(
        f"{TICKET_API}/incidents/{report.incident_id}/notes",
        json={"body": note, "source": "sandbox"},
        headers={"Authorization": f"Bearer {TICKET_TOKEN}"},
        timeout=10,
    )
    return resp.status_code


@app.route("/hooks/sandbox", methods=["POST"])
def sandbox_hook():
    blob = request.get_data(as_text=True)
    try:
        report = _decode(blob)
    except (ValueError, TypeError, KeyError):
        return jsonify(error="bad report"), 400
    status = attach_to_incident(report)
    log.info("attached sandbox report for incident %r -> %d", report.incident_id, status)
    return jsonify(ok=status < 300)


if __name__ == "__main__":
    app.run(host="127.0.0.1", port=8093)
