"""Register external datasets with the feature store by URL.

The ingest service pulls the file into staging, fingerprints it and returns a
short preview so the user can confirm the schema.
"""
import hashlib
import logging
import os
import uuid
from urllib.parse import urlparse

import requests
from fastapi import FastAPI, HTTPException
from pydantic import BaseModel

log = logging.getLogger("featurestore.ingest")
app = FastAPI()

STAGING = os.environ.get("INGEST_STAGING", "/var/lib/featurestore/staging")
MAX_BYTES = 200 * 1024 * 1024
FORMATS = {"parquet", "csv", "jsonl"}
ALLOWED_HOSTS = {
    "datasets.ml.example.com",
    "storage.googleapis.com",
    "huggingface.co",
}


class DatasetSource(BaseModel):
    name: str
    url: str
    format: str = "csv"


def _checked_url(url: str) -> str:
    parsed = urlparse(url)
    if parsed.scheme != "https" or parsed.hostname not in ALLOWED_HOSTS:
        raise HTTPException(status_code=400, detail="dataset host not allowed")
    if parsed.username or parsed.password or parsed.port not in (None, 443):
        raise HTTPException(status_code=400, detail="unsupported dataset URL")
    return url


def _download(url: str, dest: str):
    digest = hashlib.sha256()
    head = b""
    size = 0
    with requests.get(url, stream=True, timeout=(5, 60), allow_redirects=False) as resp:
        resp.raise_for_status()
        with open(dest, "wb") as out:
            for chunk in resp.iter_content(1 << 20):
                size += len(chunk)
                if size > MAX_BYTES:
                    raise HTTPException(status_code=413, detail="dataset too large")
                if len(head) < 2048:
                    head += chunk[: 2048 - len(head)]
                digest.update(chunk)
                out.write(chunk)
    return digest.hexdigest(), size, head


@app.post("/datasets")
def register_dataset(src: DatasetSource):
    if src.format not in FORMATS:
        raise HTTPException(status_code=400, detail="unsupported format")
    url = _checked_url(src.url)
    dest = os.path.join(STAGING, f"{uuid.uuid4().hex}.{src.format}")
    try:
        sha, size, head = _download(url, dest)
    except requests.RequestException as exc:
        raise HTTPException(status_code=502, detail=f"fetch failed: {exc}")

    log.info("staged dataset %r (%d bytes, sha256=%s)", src.name, size, sha)
    preview = head.decode("utf-8", errors="replace") if src.format != "parquet" else None
    return {"name": src.name, "staged_as": os.path.basename(dest), "sha256": sha,
            "bytes": size, "preview": preview}
