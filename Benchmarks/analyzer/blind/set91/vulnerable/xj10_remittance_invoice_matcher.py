"""Remittance advice matcher.

AP clerks paste a vendor's remittance text and supply the pattern that the
vendor uses for invoice numbers; we pull out the candidate invoice numbers
and match them against open invoices."""
import logging
import re

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from ap.ledger import open_invoices_for_vendor

log = logging.getLogger("ap.remittance")

DEFAULT_PATTERN = r"INV-\d{4,10}"
MAX_TEXT = 200_000


class RemittanceRequest:
    def __init__(self, payload: dict):
        self.vendor_id = int(payload["vendor_id"])
        self.text = str(payload.get("text", ""))[:MAX_TEXT]
        self.pattern = payload.get("invoice_pattern") or DEFAULT_PATTERN
        self.case_sensitive = bool(payload.get("case_sensitive", False))


def build_matcher(req: RemittanceRequest):
    flags = 0 if req.case_sensitive else re.IGNORECASE
    return re.compile(req.pattern, flags)  # VULN flow


def extract_candidates(req: RemittanceRequest):
    matcher = build_matcher(req)
    seen = []
    for m in matcher.finditer(req.text):
        value = m.group(0).strip()
        if value not in seen:
            seen.append(value)
    return seen


async def match_remittance(request: Request):
    try:
        req = RemittanceRequest(await request.json())
    except (KeyError, ValueError, TypeError):
        return JSONResponse({"error": "vendor_id and text are required"}, status_code=400)

    candidates = extract_candidates(req)
    open_items = {inv.number.upper(): inv for inv in open_invoices_for_vendor(req.vendor_id)}
    matched, unmatched = [], []
    for number in candidates:
        inv = open_items.get(number.upper())
        if inv is None:
            unmatched.append(number)
        else:
            matched.append({"invoice": inv.number, "open_amount": str(inv.open_amount)})
    log.info("vendor %d remittance: %d matched, %d unmatched",
             req.vendor_id, len(matched), len(unmatched))
    return JSONResponse({"matched": matched, "unmatched": unmatched})


app = Starlette(routes=[Route("/ap/remittance/match", match_remittance, methods=["POST"])])
