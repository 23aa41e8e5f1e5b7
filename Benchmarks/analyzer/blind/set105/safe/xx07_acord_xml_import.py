"""Import ACORD XML new-business submissions pushed by broker management systems."""
import logging
from typing import Optional

from fastapi import FastAPI, HTTPException, Request
from lxml import etree

log = logging.getLogger("acord.import")
app = FastAPI(title="ACORD submission intake")

NS = {"a": "http://www.ACORD.org/standards/PC_Surety/ACORD1/xml/"}
MAX_BYTES = 2 * 1024 * 1024
SUPPORTED_LOB = {"AUTOP", "HOME", "CPKGE", "WORK", "BOP"}

_parser = etree.XMLParser(load_dtd=False, resolve_entities=False, no_network=True, huge_tree=False)


def _text(node, path: str) -> Optional[str]:
    found = node.find(path, NS)
    if found is None or found.text is None:
        return None
    return found.text.strip()


def parse_submission(payload: bytes) -> dict:
    root = etree.fromstring(payload, _parser)
    if root.getroottree().docinfo.doctype:
        raise etree.XMLSyntaxError("DOCTYPE not permitted", None, 0, 0)
    insured = ".//a:InsuredOrPrincipal"
    return {
        "insured_name": _text(root, insured + "//a:CommercialName"),
        "address": _text(root, insured + "//a:Addr1"),
        "city": _text(root, insured + "//a:City"),
        "state": _text(root, insured + "//a:StateProvCd"),
        "lob": _text(root, ".//a:LOBCd"),
        "effective_date": _text(root, ".//a:ContractTerm/a:EffectiveDt"),
        "requested_limit": _text(root, ".//a:Limit/a:FormatCurrencyAmt/a:Amt"),
    }


def validate(submission: dict) -> None:
    if not submission["insured_name"]:
        raise HTTPException(status_code=422, detail="insured name missing")
    if submission["lob"] not in SUPPORTED_LOB:
        raise HTTPException(status_code=422, detail="unsupported line of business")


@app.post("/submissions/acord")
async def import_submission(request: Request, broker_code: str):
    body = await request.body()
    if len(body) > MAX_BYTES:
        raise HTTPException(status_code=413, detail="submission too large")
    try:
        submission = parse_submission(body)
    except etree.XMLSyntaxError as exc:
        raise HTTPException(status_code=400, detail=f"malformed ACORD document: {exc}")
    validate(submission)
    submission["broker_code"] = broker_code
    log.info("accepted submission from broker %r for %r", broker_code, submission["insured_name"])
    return {"status": "received", "submission": submission}
