"""Import animal husbandry records exported from partner institutions as XML."""
import logging
from dataclasses import dataclass, field
from typing import Optional

from flask import Flask, jsonify, request
from lxml import etree

app = Flask(__name__)
log = logging.getLogger("record_import")

MAX_UPLOAD = 5 * 1024 * 1024


@dataclass
class AnimalRecord:
    accession: str
    species: str
    house_name: str
    sex: Optional[str] = None
    weights: list = field(default_factory=list)


def _text(node, path: str) -> Optional[str]:
    found = node.find(path)
    return found.text.strip() if found is not None and found.text else None


def parse_records(raw: bytes) -> list[AnimalRecord]:
    parser = etree.XMLParser(resolve_entities=True, load_dtd=True, no_network=False)
    root = etree.fromstring(raw, parser)  # VULN flow
    records = []
    for animal in root.iter("animal"):
        rec = AnimalRecord(
            accession=_text(animal, "accession") or "",
            species=_text(animal, "species") or "",
            house_name=_text(animal, "houseName") or "",
            sex=_text(animal, "sex"),
        )
        for w in animal.iter("weight"):
            try:
                rec.weights.append((w.get("date"), float(w.text)))
            except (TypeError, ValueError):
                continue
        records.append(rec)
    return records


@app.route("/imports/animals", methods=["POST"])
def import_animals():
    upload = request.files.get("file")
    if upload is None:
        return jsonify({"error": "file required"}), 400
    raw = upload.read(MAX_UPLOAD + 1)
    if len(raw) > MAX_UPLOAD:
        return jsonify({"error": "file too large"}), 413
    try:
        records = parse_records(raw)
    except etree.XMLSyntaxError as exc:
        return jsonify({"error": f"invalid xml: {exc}"}), 400
    log.info("parsed %d animal records from %r", len(records), upload.filename)
    return jsonify(
        [
            {"accession": r.accession, "species": r.species, "house_name": r.house_name,
             "sex": r.sex, "weights": r.weights}
            for r in records
        ]
    )
