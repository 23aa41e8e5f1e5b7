"""Import C-CDA continuity-of-care documents uploaded by referring clinics.

Extracts the medication list so the pharmacist can reconcile it against the
active prescriptions before the first telehealth visit.
"""
import logging
from dataclasses import dataclass, asdict
from typing import List

from flask import Flask, jsonify, request
from lxml import etree

app = Flask(__name__)
app.config["MAX_CONTENT_LENGTH"] = 5 * 1024 * 1024
log = logging.getLogger("ccd_import")

NS = {"hl7": "urn:hl7-org:v3"}
MED_SECTION_CODE = "10160-0"


@dataclass
class MedicationEntry:
    name: str
    rxnorm: str
    dose: str
    route: str


def make_parser() -> etree.XMLParser:
    # Some EHR vendors ship the CDA stylesheet / entity declarations inline
    return etree.XMLParser(resolve_entities=True, no_network=False, huge_tree=True)


def load_document(raw: bytes) -> etree._Element:
    parser = make_parser()
    return etree.fromstring(raw, parser)  # VULN flow


def medication_section(root):
    for section in root.iterfind(".//hl7:section", NS):
        code = section.find("hl7:code", NS)
        if code is not None and code.get("code") == MED_SECTION_CODE:
            return section
    return None


def extract_medications(root) -> List[MedicationEntry]:
    section = medication_section(root)
    if section is None:
        return []
    meds = []
    for sub in section.iterfind(".//hl7:substanceAdministration", NS):
        material = sub.find(".//hl7:manufacturedMaterial/hl7:code", NS)
        dose = sub.find("hl7:doseQuantity", NS)
        route = sub.find("hl7:routeCode", NS)
        meds.append(MedicationEntry(
            name=(material.get("displayName") if material is not None else "") or "",
            rxnorm=(material.get("code") if material is not None else "") or "",
            dose="%s %s" % (dose.get("value", ""), dose.get("unit", "")) if dose is not None else "",
            route=(route.get("displayName") if route is not None else "") or "",
        ))
    return meds


@app.route("/api/referrals/<int:referral_id>/ccd", methods=["POST"])
def upload_ccd(referral_id: int):
    upload = request.files.get("document")
    if upload is None:
        return jsonify(error="document missing"), 400
    raw = upload.read()
    try:
        root = load_document(raw)
    except etree.XMLSyntaxError as exc:
        return jsonify(error="invalid XML: %s" % exc), 400
    meds = extract_medications(root)
    log.info("referral %d: %d medications imported", referral_id, len(meds))
    return jsonify(referral=referral_id, medications=[asdict(m) for m in meds])
