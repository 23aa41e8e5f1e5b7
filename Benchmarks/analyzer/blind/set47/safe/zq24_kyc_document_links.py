"""Onboarding API: applicants attach identity documents by link.

Applicants can either upload directly or paste a share link from one of
the supported storage providers; the service fetches the file and
archives it for the KYC review queue.
"""
import hashlib
import logging
import os
import re
from typing import List
from urllib.parse import urlsplit

import requests
from fastapi import FastAPI, HTTPException
from pydantic import BaseModel

app = FastAPI(title="Onboarding documents")
log = logging.getLogger("kyc.documents")

ARCHIVE_DIR = os.environ.get("KYC_ARCHIVE", "/var/lib/kyc/docs")
APPLICANT_RE = re.compile(r"^[A-Z0-9]{10}$")
DOC_KINDS = {"passport", "id_card", "proof_of_address", "bank_statement"}
MAX_BYTES = 15 * 1024 * 1024
ALLOWED_HOSTS = {"dl.dropboxusercontent.com", "drive.usercontent.google.com", "uploads.onboarding.bank.example"}


class DocumentLink(BaseModel):
    kind: str
    url: str


class DocumentBatch(BaseModel):
    documents: List[DocumentLink]


def fetch_document(link: DocumentLink) -> bytes:
    source = link.url.strip()
    parts = urlsplit(source)
    if parts.scheme != "https" or parts.hostname not in ALLOWED_HOSTS or parts.port not in (None, 443):
        raise ValueError("document host not supported")
    resp = requests.get(source, timeout=20, allow_redirects=False)
    resp.raise_for_status()
    if len(resp.content) > MAX_BYTES:
        raise ValueError("document too large")
    return resp.content


def archive(applicant_id: str, kind: str, content: bytes) -> str:
    digest = hashlib.sha256(content).hexdigest()
    folder = os.path.join(ARCHIVE_DIR, applicant_id)
    os.makedirs(folder, exist_ok=True)
    path = os.path.join(folder, f"{kind}_{digest[:16]}.bin")
    with open(path, "wb") as fh:
        fh.write(content)
    return digest


@app.post("/applicants/{applicant_id}/documents")
def attach_documents(applicant_id: str, batch: DocumentBatch):
    if not APPLICANT_RE.match(applicant_id):
        raise HTTPException(status_code=400, detail="bad applicant id")
    stored = []
    for link in batch.documents:
        if link.kind not in DOC_KINDS:
            raise HTTPException(status_code=422, detail=f"unsupported document kind {link.kind!r}")
        try:
            content = fetch_document(link)
        except (requests.RequestException, ValueError) as exc:
            log.warning("fetch failed for applicant %s kind=%r: %s", applicant_id, link.kind, exc)
            raise HTTPException(status_code=422, detail="could not retrieve document")
        stored.append({"kind": link.kind, "sha256": archive(applicant_id, link.kind, content),
                       "bytes": len(content)})
    log.info("applicant %s attached %d documents", applicant_id, len(stored))
    return {"applicant": applicant_id, "documents": stored}
