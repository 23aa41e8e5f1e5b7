"""Register external datasets with the feature store by URL.

The ingest service pulls the file into staging, fingerprints it and returns a
short preview so the user can confirm the schema.
"""
import hashlib
import logging
import os
import uuid

import requests
from fastapi import FastAPI, HTTPException
from pydantic import BaseModel

log = logging.getLogger("featurestore.ingest")
app = FastAPI()

STAGING = os.environ.get("INGEST_STAGING", "/var/lib/featurestore/staging")
MAX_BYTES = 200 * 1024 * 1024
FORMATS = {"parquet", "csv", "jsonl"}


class DatasetSource(BaseModel):
    name: str
    url: str
    format: str = "csv"


def _download(url: str, dest: str):
    digest = hashlib.sha256()
    head = b""
    size = 0
    with requests.get(url, stream=True, timeout=(5, 60)) as resp:  # VULN flow
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
    dest = os.path.join(STAGING, f"{uuid.uuid4().hex}.{src.format}")
    try:
        sha, size, head = _download(src.url, dest)
    except requests.RequestException as exc:
        raise HTTPException(status_code=502, detail=f"fetch failed: {exc}")

    log.info("staged dataset %r (%d bytes, sha256=%s)", src.name, size, sha)
    preview = head.decode("utf-8", errors="replace") if src.format != "parquet" else None
    return {"name": src.name, "staged_as": os.path.basename(dest), "sha256": sha,
            "bytes": size, "preview": preview}
