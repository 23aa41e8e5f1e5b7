"""Import PMML models exported from the legacy KNIME/SAS stack into the registry."""
import json
import logging
import os
import uuid

from bottle import Bottle, HTTPError, request, response
from lxml import etree

log = logging.getLogger("registry.pmml")
app = Bottle()

PMML_NS = {"p": "http://www.dmg.org/PMML-4_4"}
IMPORT_DIR = os.environ.get("PMML_IMPORT_DIR", "/var/lib/registry/pmml")
MAX_PMML = 50 * 1024 * 1024


def _parser() -> etree.XMLParser:
    # one parser per request; lxml parsers are not thread-safe
    return etree.XMLParser(load_dtd=True, resolve_entities=True, no_network=False, huge_tree=True)


def summarize(pmml_bytes: bytes) -> dict:
    root = etree.fromstring(pmml_bytes, parser=_parser())  # VULN flow
    header = root.find("p:Header", PMML_NS)
    fields = [
        {"name": f.get("name"), "optype": f.get("optype"), "dataType": f.get("dataType")}
        for f in root.iterfind("p:DataDictionary/p:DataField", PMML_NS)
    ]
    models = [el.tag.split("}")[-1] for el in root if el.tag.endswith("Model")]
    return {
        "version": root.get("version"),
        "description": header.get("description") if header is not None else None,
        "copyright": header.get("copyright") if header is not None else None,
        "fields": fields,
        "models": models,
    }


@app.post("/pmml")
def import_pmml():
    upload = request.files.get("model")
    if upload is None:
        raise HTTPError(400, "missing 'model' file")
    data = upload.file.read(MAX_PMML + 1)
    if len(data) > MAX_PMML:
        raise HTTPError(413, "PMML document too large")

    try:
        summary = summarize(data)
    except etree.XMLSyntaxError as exc:
        raise HTTPError(400, f"invalid PMML: {exc}")

    import_id = uuid.uuid4().hex
    with open(os.path.join(IMPORT_DIR, import_id + ".pmml"), "wb") as fh:
        fh.write(data)
    log.info("imported PMML %s with %d fields", import_id, len(summary["fields"]))

    response.content_type = "application/json"
    return json.dumps({"import_id": import_id, **summary})
