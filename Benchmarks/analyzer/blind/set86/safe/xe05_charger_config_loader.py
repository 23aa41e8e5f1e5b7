"""Bulk charger configuration import for the CPMS admin console.

Site engineers export a YAML description of a depot (charge points,
connectors, power limits, tariff groups) from the planning tool and upload it
here; the importer upserts everything in one transaction.
"""
import logging
from dataclasses import dataclass, field
from typing import Dict, List

import yaml
from flask import Blueprint, current_app, jsonify, request
from flask_login import current_user, login_required

bp = Blueprint("fleet_import", __name__, url_prefix="/admin/import")
log = logging.getLogger("cpms.import")

MAX_UPLOAD = 2 * 1024 * 1024


@dataclass
class ChargePointSpec:
    identity: str
    model: str
    max_kw: float
    connectors: List[Dict] = field(default_factory=list)
    tariff_group: str = "default"


class ConfigImporter:
    def __init__(self, repo):
        self.repo = repo
        self.errors: List[str] = []

    def parse(self, text: str) -> dict:
        doc = yaml.safe_load(text)
        if not isinstance(doc, dict) or "charge_points" not in doc:
            raise ValueError("document must contain a charge_points list")
        return doc

    def to_specs(self, doc: dict) -> List[ChargePointSpec]:
        specs = []
        for i, item in enumerate(doc["charge_points"]):
            try:
                specs.append(ChargePointSpec(
                    identity=str(item["identity"]),
                    model=str(item.get("model", "unknown")),
                    max_kw=float(item.get("max_kw", 22)),
                    connectors=list(item.get("connectors", [])),
                    tariff_group=str(item.get("tariff_group", "default")),
                ))
            except (KeyError, TypeError, ValueError) as exc:
                self.errors.append("entry %d: %s" % (i, exc))
        return specs

    def apply(self, site: str, specs: List[ChargePointSpec]) -> int:
        with self.repo.transaction():
            for spec in specs:
                self.repo.upsert_charge_point(site, spec)
        return len(specs)


@bp.post("/<site>")
@login_required
def import_site(site):
    upload = request.files.get("config")
    if upload is None:
        return jsonify(error="missing 'config' file"), 400
    text = upload.read(MAX_UPLOAD + 1).decode("utf-8", errors="replace")
    if len(text) > MAX_UPLOAD:
        return jsonify(error="file too large"), 413

    importer = ConfigImporter(current_app.extensions["cpms_repo"])
    try:
        doc = importer.parse(text)
    except (yaml.YAMLError, ValueError) as exc:
        return jsonify(error=str(exc)), 400
    specs = importer.to_specs(doc)
    count = importer.apply(site, specs)
    log.info("user %s imported %d charge points into site %r",
             current_user.get_id(), count, site)
    return jsonify(imported=count, errors=importer.errors)
