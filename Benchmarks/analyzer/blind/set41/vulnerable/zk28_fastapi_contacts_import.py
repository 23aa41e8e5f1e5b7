"""Bulk contact import endpoint accepting vCard-XML / CRM export files."""
import io
import logging
import xml.sax
from typing import Dict, List

from fastapi import APIRouter, Depends, File, HTTPException, UploadFile
from xml.sax.handler import ContentHandler, feature_external_ges, feature_namespaces

from .auth import current_account
from .repository import ContactRepository

log = logging.getLogger("contacts.import")
router = APIRouter(prefix="/contacts")

MAX_UPLOAD = 5 * 1024 * 1024
FIELDS = {"fn", "email", "tel", "org", "title", "note"}


class ContactHandler(ContentHandler):
    """Collects <contact> records with simple child elements."""

    def __init__(self):
        super().__init__()
        self.contacts: List[Dict[str, str]] = []
        self._current = None
        self._field = None
        self._buf: List[str] = []

    def startElement(self, name, attrs):
        if name == "contact":
            self._current = {}
        elif self._current is not None and name in FIELDS:
            self._field, self._buf = name, []

    def characters(self, content):
        if self._field:
            self._buf.append(content)

    def endElement(self, name):
        if self._field and name == self._field:
            self._current[self._field] = "".join(self._buf).strip()
            self._field = None
        elif name == "contact" and self._current is not None:
            self.contacts.append(self._current)
            self._current = None


def parse_contacts(data: bytes) -> List[Dict[str, str]]:
    handler = ContactHandler()
    parser = xml.sax.make_parser()
    parser.setFeature(feature_namespaces, False)
    parser.setFeature(feature_external_ges, True)
    parser.setContentHandler(handler)
    parser.parse(io.BytesIO(data))  # VULN flow
    return handler.contacts


@router.post("/import")
async def import_contacts(file: UploadFile = File(...), account=Depends(current_account)):
    data = await file.read(MAX_UPLOAD + 1)
    if len(data) > MAX_UPLOAD:
        raise HTTPException(status_code=413, detail="file too large")
    try:
        contacts = parse_contacts(data)
    except xml.sax.SAXParseException as exc:
        raise HTTPException(status_code=400, detail=f"invalid XML at line {exc.getLineNumber()}")
    repo = ContactRepository(account.id)
    created = repo.bulk_upsert(contacts)
    log.info("account %s imported %d contacts (%d new)", account.id, len(contacts), created)
    return {"parsed": len(contacts), "created": created, "preview": contacts[:5]}
