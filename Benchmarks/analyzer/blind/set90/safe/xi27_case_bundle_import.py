"""Import immigration case bundles exported from the firm's legacy CMS.

The legacy system's "Export case" button produces a JSON bundle; paralegals
upload it here when a client transfers in from another office or firm.
"""
import json
import logging
from dataclasses import dataclass, field
from typing import List, Optional

from fastapi import FastAPI, File, HTTPException, UploadFile

log = logging.getLogger("bundle_import")
app = FastAPI(title="Case bundle import")

MAX_BUNDLE_BYTES = 5 * 1024 * 1024


@dataclass
class Beneficiary:
    full_name: str
    a_number: Optional[str] = None
    country_of_birth: str = ""


@dataclass
class CaseBundle:
    case_type: str
    receipt_numbers: List[str] = field(default_factory=list)
    beneficiaries: List[Beneficiary] = field(default_factory=list)
    priority_date: Optional[str] = None


class CaseStore:
    def __init__(self):
        self.cases = {}

    def add(self, bundle: CaseBundle) -> int:
        case_id = len(self.cases) + 1
        self.cases[case_id] = bundle
        return case_id


store = CaseStore()


def restore_bundle(raw: str) -> CaseBundle:
    obj = json.loads(raw)
    if not isinstance(obj, dict) or not isinstance(obj.get("case_type"), str):
        raise ValueError("upload is not a case bundle")
    try:
        return CaseBundle(
            case_type=obj["case_type"],
            receipt_numbers=[str(r) for r in obj.get("receipt_numbers", [])],
            beneficiaries=[Beneficiary(**b) for b in obj.get("beneficiaries", [])],
            priority_date=obj.get("priority_date"),
        )
    except TypeError as exc:
        raise ValueError("malformed beneficiary entry") from exc


@app.post("/cases/import")
async def import_bundle(file: UploadFile = File(...)):
    data = await file.read()
    if len(data) > MAX_BUNDLE_BYTES:
        raise HTTPException(status_code=413, detail="bundle too large")
    try:
        bundle = restore_bundle(data.decode("utf-8"))
    except (ValueError, UnicodeDecodeError) as exc:
        log.info("rejected bundle %r: %s", file.filename, type(exc).__name__)
        raise HTTPException(status_code=400, detail="not a valid case bundle")

    case_id = store.add(bundle)
    log.info("imported %r case as #%d with %d beneficiaries",
             bundle.case_type, case_id, len(bundle.beneficiaries))
    return {
        "case_id": case_id,
        "case_type": bundle.case_type,
        "receipts": bundle.receipt_numbers,
        "beneficiaries": [b.full_name for b in bundle.beneficiaries],
    }
