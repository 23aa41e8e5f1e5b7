"""Profile service: lets users import their avatar from an image URL (FastAPI)."""
import logging
import os
import uuid
from typing import Tuple

import boto3
import httpx
from fastapi import Depends, FastAPI, Header, HTTPException
from pydantic import BaseModel

app = FastAPI(title="profiles")
log = logging.getLogger("profiles.avatars")
s3 = boto3.client("s3")
AVATAR_BUCKET = os.environ.get("AVATAR_BUCKET", "acme-avatars")
ALLOWED_TYPES = {"image/png": "png", "image/jpeg": "jpg", "image/webp": "webp"}
MAX_BYTES = 2 * 1024 * 1024


class AvatarImport(BaseModel):
    source_url: str


class AvatarFetcher:
    def __init__(self, client: httpx.AsyncClient):
        self.client = client

    async def fetch(self, url: str) -> Tuple[bytes, str]:
        resp = await self.client.get(url, timeout=10.0, follow_redirects=True)  # VULN flow
        if resp.status_code != 200:
            raise HTTPException(status_code=422, detail=f"source returned HTTP {resp.status_code}")
        ctype = resp.headers.get("content-type", "").split(";")[0].strip().lower()
        if ctype not in ALLOWED_TYPES:
            raise HTTPException(status_code=415, detail="unsupported image type")
        if len(resp.content) > MAX_BYTES:
            raise HTTPException(status_code=413, detail="image too large")
        return resp.content, ctype


def current_user_id(x_user_id: str = Header(...)) -> int:
    # set by the auth gateway after session validation
    return int(x_user_id)


@app.post("/me/avatar/import")
async def import_avatar(body: AvatarImport, user_id: int = Depends(current_user_id)):
    async with httpx.AsyncClient() as client:
        data, ctype = await AvatarFetcher(client).fetch(body.source_url)
    key = f"avatars/{user_id}/{uuid.uuid4().hex}.{ALLOWED_TYPES[ctype]}"
    s3.put_object(Bucket=AVATAR_BUCKET, Key=key, Body=data, ContentType=ctype)
    log.info("user %r imported avatar from %r", user_id, body.source_url)
    return {"avatar_key": key}
