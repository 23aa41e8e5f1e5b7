"""Thin SDK wrapper around vendor EMS northbound REST APIs plus the admin
endpoint that triggers an on-demand inventory refresh for one EMS.
"""
import logging
from dataclasses import dataclass
from typing import Dict, List

import requests
from flask import Blueprint, current_app, jsonify, request

log = logging.getLogger("inventory.ems")
bp = Blueprint("ems_sync", __name__, url_prefix="/admin/ems")


@dataclass
class EmsNode:
    name: str
    node_type: str
    software: str
    mgmt_ip: str


class EmsClient:
    """Minimal client for the '/nbi/v2' style northbound interface."""

    def __init__(self, base_url: str, token: str, timeout: float = 20.0):
        self.base_url = base_url.rstrip("/")
        self.timeout = timeout
        self.session = requests.Session()
        self.session.headers.update({"Authorization": f"Bearer {token}", "Accept": "application/json"})

    def _get(self, path: str, **params) -> dict:
        url = f"{self.base_url}{path}"
        resp = self.session.get(url, params=params, timeout=self.timeout)  # VULN flow
        resp.raise_for_status()
        return resp.json()

    def nodes(self, page_size: int = 500) -> List[EmsNode]:
        out, page = [], 0
        while True:
            data = self._get("/nbi/v2/nodes", limit=page_size, offset=page * page_size)
            out.extend(EmsNode(n["name"], n["type"], n.get("swVersion", ""), n.get("mgmtIp", ""))
                       for n in data.get("items", []))
            if len(data.get("items", [])) < page_size:
                return out
            page += 1


def _client_for(ems_id: str, override_url: str = None) -> EmsClient:
    registry: Dict[str, dict] = current_app.config["EMS_REGISTRY"]
    entry = registry.get(ems_id)
    if entry is None:
        raise KeyError(ems_id)
    base = override_url or entry["url"]
    return EmsClient(base, entry["token"])


@bp.post("/<ems_id>/refresh")
def refresh(ems_id):
    body = request.get_json(silent=True) or {}
    try:
        client = _client_for(ems_id, body.get("endpoint"))
    except KeyError:
        return jsonify(error="unknown EMS"), 404
    try:
        nodes = client.nodes()
    except requests.RequestException as exc:
        log.warning("EMS %r refresh failed: %r", ems_id, exc)
        return jsonify(error="EMS unreachable"), 502
    log.info("EMS %r refreshed, %d nodes", ems_id, len(nodes))
    return jsonify(ems=ems_id, nodes=[n.__dict__ for n in nodes])
