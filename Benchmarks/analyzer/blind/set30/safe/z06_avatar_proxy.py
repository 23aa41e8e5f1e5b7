"""Avatar proxy: fetches remote profile images so the SPA never hotlinks third parties."""
import hashlib
import logging

import httpx
from fastapi import FastAPI, HTTPException, Query, Response

log = logging.getLogger("avatar_proxy")
app = FastAPI(title="avatar-proxy")

MAX_BYTES = 2 * 1024 * 1024
ALLOWED_TYPES = {"image/png", "image/jpeg", "image/gif", "image/webp"}
ALLOWED_HOSTS = frozenset(
    {"secure.gravatar.com", "avatars.githubusercontent.com", "avatars.slack-edge.com"}
)


def _checked_url(raw: str) -> httpx.URL:
    try:
        url = httpx.URL(raw)
    except httpx.InvalidURL:
        raise HTTPException(status_code=400, detail="invalid url")
    if url.scheme != "https" or url.host.lower() not in ALLOWED_HOSTS:
        raise HTTPException(status_code=400, detail="host not allowed")
    if url.port not in (None, 443) or url.userinfo:
        raise HTTPException(status_code=400, detail="host not allowed")
    return url


async def fetch_image(url: httpx.URL) -> tuple[bytes, str]:
    async with httpx.AsyncClient(follow_redirects=False) as client:
        resp = await client.get(url, timeout=5.0)
    if resp.status_code != 200:
        raise HTTPException(status_code=502, detail="upstream error")
    content_type = resp.headers.get("content-type", "").split(";")[0].strip()
    if content_type not in ALLOWED_TYPES:
        raise HTTPException(status_code=415, detail="not an image")
    if len(resp.content) > MAX_BYTES:
        raise HTTPException(status_code=413, detail="image too large")
    return resp.content, content_type


@app.get("/avatar")
async def avatar(url: str = Query(..., max_length=2048)):
    body, content_type = await fetch_image(_checked_url(url))
    etag = hashlib.sha256(body).hexdigest()[:32]
    log.info("served avatar %s for %r", etag, url)
    return Response(
        content=body,
        media_type=content_type,
        headers={"Cache-Control": "public, max-age=86400", "ETag": f'"{etag}"'},
    )
