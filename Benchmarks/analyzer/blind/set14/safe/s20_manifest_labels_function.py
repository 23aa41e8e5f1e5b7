"""Azure Function: accepts carrier shipping manifests and prints pallet labels."""
import json
import logging
import os
import subprocess
import tempfile

import azure.functions as func
from defusedxml import DefusedXmlException
from defusedxml import minidom
from xml.parsers.expat import ExpatError

LABEL_TOOL = "/opt/labels/bin/zplgen"
PRINTERS = {"dock-a": "zebra-dock-a", "dock-b": "zebra-dock-b", "returns": "zebra-returns"}
MAX_BODY = 2 * 1024 * 1024


def parse_manifest(xml_text):
    doc = minidom.parseString(xml_text)
    root = doc.documentElement
    pallets = []
    for node in root.getElementsByTagName("pallet"):
        pallets.append({
            "sscc": node.getAttribute("sscc"),
            "destination": node.getAttribute("destination"),
            "weight_kg": float(node.getAttribute("weightKg") or 0),
        })
    return root.getAttribute("dock"), pallets


def print_labels(dock, pallets):
    printer = PRINTERS.get(dock)
    if printer is None:
        raise ValueError("unknown dock")
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as fh:
        json.dump(pallets, fh)
        batch = fh.name
    try:
        zpl = subprocess.check_output([LABEL_TOOL, "--input", batch], stderr=subprocess.STDOUT, timeout=60)
        subprocess.run(["lp", "-d", printer], input=zpl, check=True, timeout=60)
    finally:
        os.unlink(batch)
    return printer


def main(req: func.HttpRequest) -> func.HttpResponse:
    body = req.get_body()
    if not body or len(body) > MAX_BODY:
        return func.HttpResponse("manifest body missing or too large", status_code=413)
    try:
        dock, pallets = parse_manifest(body.decode("utf-8"))
    except (ExpatError, DefusedXmlException, UnicodeDecodeError, ValueError):
        logging.warning("rejected malformed manifest")
        return func.HttpResponse("malformed manifest", status_code=400)
    if not pallets:
        return func.HttpResponse("manifest contains no pallets", status_code=422)

    try:
        printer = print_labels(dock, pallets)
    except ValueError:
        return func.HttpResponse("unknown dock", status_code=422)
    except (subprocess.CalledProcessError, subprocess.TimeoutExpired):
        logging.error("label printing failed for %d pallets", len(pallets))
        return func.HttpResponse("label printing failed", status_code=502)

    logging.info("printed %d labels", len(pallets))
    return func.HttpResponse(
        json.dumps({"printed": len(pallets), "printer": printer}),
        mimetype="application/json",
        status_code=200,
    )
