"""Import hazardous-waste consignment notes submitted as XML by waste producers."""
import logging
from dataclasses import asdict, dataclass
from typing import List

from fastapi import FastAPI, File, HTTPException, UploadFile
from lxml import etree

log = logging.getLogger("manifest_import")
app = FastAPI(title="hazwaste-manifests")

NS = {"hw": "urn:example:hazwaste:consignment:2"}
MAX_UPLOAD = 2 * 1024 * 1024

# producers' software sometimes emits entity references for common hazard phrases
PARSER = etree.XMLParser(load_dtd=True, resolve_entities=True, no_network=False)


@dataclass
class WasteLine:
    ewc_code: str
    description: str
    quantity_kg: float
    un_number: str
    hazard_codes: List[str]


def _text(node, path: str) -> str:
    found = node.find(path, NS)
    return found.text.strip() if found is not None and found.text else ""


def parse_consignment(raw: bytes) -> dict:
    root = etree.fromstring(raw, parser=PARSER)  # VULN flow
    lines = []
    for el in root.findall("hw:Waste/hw:Line", NS):
        lines.append(WasteLine(
            ewc_code=_text(el, "hw:EWC"),
            description=_text(el, "hw:Description"),
            quantity_kg=float(_text(el, "hw:QuantityKg") or 0),
            un_number=_text(el, "hw:UN"),
            hazard_codes=[h.text for h in el.findall("hw:Hazard", NS) if h.text],
        ))
    return {
        "consignment_code": _text(root, "hw:Code"),
        "producer": _text(root, "hw:Producer/hw:Name"),
        "premises_code": _text(root, "hw:Producer/hw:Premises"),
        "carrier_licence": _text(root, "hw:Carrier/hw:Licence"),
        "lines": [asdict(line) for line in lines],
    }


@app.post("/manifests/import")
async def import_manifest(file: UploadFile = File(...)):
    raw = await file.read()
    if len(raw) > MAX_UPLOAD:
        raise HTTPException(status_code=413, detail="manifest too large")
    try:
        manifest = parse_consignment(raw)
    except (etree.XMLSyntaxError, ValueError) as exc:
        raise HTTPException(status_code=422, detail=f"invalid manifest: {exc}")
    if not manifest["consignment_code"]:
        raise HTTPException(status_code=422, detail="missing consignment code")
    total = sum(line["quantity_kg"] for line in manifest["lines"])
    log.info("imported consignment %r, %d lines, %.1f kg",
             manifest["consignment_code"], len(manifest["lines"]), total)
    return {"status": "accepted", "total_kg": total, "manifest": manifest}
