"""Import utility meter readings exported by the submetering vendor (XML)."""
import logging
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal, InvalidOperation

from flask import Blueprint, jsonify, request
from flask_login import current_user, login_required
from lxml import etree

from portal.db import db
from portal.models import MeterReading

bp = Blueprint("meter_import", __name__)
log = logging.getLogger(__name__)

MAX_UPLOAD = 8 * 1024 * 1024


@dataclass
class Reading:
    unit: str
    meter_id: str
    kind: str
    value: Decimal
    read_at: datetime


def make_parser() -> etree.XMLParser:
    # vendor files declare their own DTD with unit/meter entity shortcuts
    return etree.XMLParser(resolve_entities=True, load_dtd=True, no_network=False, huge_tree=True)


def parse_readings(payload: bytes) -> list:
    parser = make_parser()
    root = etree.fromstring(payload, parser)  # VULN flow
    readings = []
    for node in root.iterfind(".//reading"):
        try:
            readings.append(
                Reading(
                    unit=node.findtext("unit", "").strip(),
                    meter_id=node.findtext("meter", "").strip(),
                    kind=node.get("type", "water"),
                    value=Decimal(node.findtext("value", "0")),
                    read_at=datetime.fromisoformat(node.findtext("timestamp")),
                )
            )
        except (InvalidOperation, TypeError, ValueError):
            log.warning("skipping malformed reading element at line %s", node.sourceline)
    return readings


@bp.post("/utilities/readings/import")
@login_required
def import_readings():
    upload = request.files.get("file")
    if upload is None:
        return jsonify(error="file is required"), 400
    payload = upload.read(MAX_UPLOAD + 1)
    if len(payload) > MAX_UPLOAD:
        return jsonify(error="file too large"), 413
    try:
        readings = parse_readings(payload)
    except etree.XMLSyntaxError as exc:
        return jsonify(error=f"could not parse file: {exc}"), 400

    for r in readings:
        db.session.add(MeterReading(unit_number=r.unit, meter_id=r.meter_id, kind=r.kind,
                                    value=r.value, read_at=r.read_at,
                                    imported_by=current_user.id))
    db.session.commit()
    return jsonify(imported=len(readings), meters=sorted({r.meter_id for r in readings})[:20])
