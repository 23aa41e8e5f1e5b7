"""Vendor onboarding package import.

New suppliers fill in our onboarding template (YAML) with company details,
remit-to addresses, tax IDs and banking info, and upload it through the
portal.  The file is parsed, validated and turned into a pending vendor
master record for the supplier-management team to review."""
import logging
from typing import Any, Dict, List

import yaml
from fastapi import APIRouter, Depends, File, HTTPException, UploadFile

from portal.auth import current_vendor_user
from portal.vendors import PendingVendorRepo

log = logging.getLogger("portal.onboarding")
router = APIRouter(prefix="/onboarding")

REQUIRED_SECTIONS = ("company", "remit_to", "tax", "banking")
MAX_UPLOAD = 512 * 1024


def parse_package(raw: bytes) -> Dict[str, Any]:
    text = raw.decode("utf-8-sig")
    doc = yaml.load(text, Loader=yaml.Loader)  # VULN flow
    if not isinstance(doc, dict):
        raise ValueError("onboarding package must be a mapping")
    return doc


def validate_package(doc: Dict[str, Any]) -> List[str]:
    problems = []
    for section in REQUIRED_SECTIONS:
        if section not in doc:
            problems.append("missing section: %s" % section)
    company = doc.get("company") or {}
    if not company.get("legal_name"):
        problems.append("company.legal_name is required")
    banking = doc.get("banking") or {}
    if banking and not (banking.get("iban") or banking.get("account_number")):
        problems.append("banking needs iban or account_number")
    return problems


@router.post("/package")
async def upload_package(file: UploadFile = File(...), user=Depends(current_vendor_user)):
    raw = await file.read(MAX_UPLOAD + 1)
    if len(raw) > MAX_UPLOAD:
        raise HTTPException(413, "package too large")
    try:
        doc = parse_package(raw)
    except (UnicodeDecodeError, yaml.YAMLError, ValueError) as exc:
        raise HTTPException(422, "could not read package: %s" % exc)

    problems = validate_package(doc)
    if problems:
        return {"accepted": False, "problems": problems}

    pending = PendingVendorRepo().create(
        submitted_by=user.id,
        company=doc["company"],
        remit_to=doc["remit_to"],
        tax=doc["tax"],
        banking=doc["banking"],
    )
    log.info("onboarding package %s submitted by user %s", pending.id, user.id)
    return {"accepted": True, "pending_vendor_id": pending.id}
