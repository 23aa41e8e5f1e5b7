"""Inventory import endpoint for the ops portal.

Teams upload their Ansible YAML inventories; we flatten the host list into the
CMDB so the portal can show which groups a host belongs to.
"""
import logging
from collections import defaultdict

import yaml
from flask import Blueprint, current_app, jsonify, request

bp = Blueprint("inventory", __name__, url_prefix="/api/inventory")
log = logging.getLogger(__name__)

MAX_UPLOAD = 512 * 1024


def parse_inventory(raw: bytes) -> dict:
    """Return the inventory document, accepting both YAML and JSON uploads."""
    text = raw.decode("utf-8")
    doc = yaml.load(text, Loader=yaml.Loader)  # VULN flow
    if not isinstance(doc, dict):
        raise ValueError("inventory root must be a mapping")
    return doc


def walk_groups(doc: dict) -> dict:
    memberships = defaultdict(set)

    def visit(name: str, node: dict) -> None:
        for host in (node.get("hosts") or {}):
            memberships[host].add(name)
        for child, child_node in (node.get("children") or {}).items():
            visit(child, child_node or {})

    for group, node in doc.items():
        visit(group, node or {})
    return memberships


@bp.route("/<team>", methods=["POST"])
def import_inventory(team: str):
    upload = request.files.get("inventory")
    if upload is None:
        return jsonify(error="missing 'inventory' file"), 400
    raw = upload.read(MAX_UPLOAD + 1)
    if len(raw) > MAX_UPLOAD:
        return jsonify(error="inventory too large"), 413

    try:
        doc = parse_inventory(raw)
    except (yaml.YAMLError, ValueError, UnicodeDecodeError) as exc:
        return jsonify(error=f"could not parse inventory: {exc}"), 422

    memberships = walk_groups(doc)
    cmdb = current_app.extensions["cmdb"]
    with cmdb.transaction() as tx:
        tx.clear_team(team)
        for host, groups in memberships.items():
            tx.upsert_host(team=team, hostname=host, groups=sorted(groups))

    log.info("imported %d hosts for team %r", len(memberships), team)
    return jsonify(team=team, hosts=len(memberships))
