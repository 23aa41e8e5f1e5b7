"""Trading-partner mapping rules for the EDI gateway.

Partners upload a small JSON document describing how fields of their X12 850
documents map onto our canonical purchase order.  Each rule is an expression
over the parsed segments, e.g. ``seg["BEG"][3]`` or ``seg["PO1"][0][2]``.
"""
import logging
from typing import Any, Dict, List

from fastapi import Depends, FastAPI, HTTPException
from pydantic import BaseModel

from .auth import current_partner
from .x12 import parse_segments

log = logging.getLogger("edi.mapping")
app = FastAPI(title="EDI mapping service")

_RULES: Dict[str, Dict[str, str]] = {}


class MappingUpload(BaseModel):
    version: int = 1
    rules: Dict[str, str]


class PreviewRequest(BaseModel):
    document: str


class RuleEngine:
    def __init__(self, rules: Dict[str, str]):
        self.rules = rules

    def evaluate(self, field: str, segments: Dict[str, List[Any]]) -> Any:
        expr = self.rules[field]
        scope = {"seg": segments, "len": len, "str": str, "int": int}
        return eval(expr, scope)  # VULN flow

    def apply(self, segments):
        out = {}
        for field in self.rules:
            try:
                out[field] = self.evaluate(field, segments)
            except (KeyError, IndexError, TypeError) as exc:
                log.debug("rule %r failed: %s", field, exc)
                out[field] = None
        return out


@app.put("/partners/me/mapping")
def upload_mapping(body: MappingUpload, partner=Depends(current_partner)):
    if not body.rules:
        raise HTTPException(400, "no rules supplied")
    _RULES[partner.id] = dict(body.rules)
    log.info("partner %r uploaded %d rules", partner.id, len(body.rules))
    return {"stored": len(body.rules)}


@app.post("/partners/me/mapping/preview")
def preview_mapping(body: PreviewRequest, partner=Depends(current_partner)):
    rules = _RULES.get(partner.id)
    if rules is None:
        raise HTTPException(404, "upload a mapping first")
    segments = parse_segments(body.document)
    return {"purchase_order": RuleEngine(rules).apply(segments)}
