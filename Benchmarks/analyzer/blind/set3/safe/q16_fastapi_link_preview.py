import re
from urllib.parse import urlsplit

import httpx
from fastapi import FastAPI, HTTPException
from pydantic import BaseModel

app = FastAPI()
TITLE_RE = re.compile(r"<title[^>]*>(.*?)</title>", re.IGNORECASE | re.DOTALL)
ALLOWED_HOSTS = {"docs.example.com", "blog.example.com", "status.example.com"}


class PreviewRequest(BaseModel):
    url: str


def checked_url(raw):
    parts = urlsplit(raw)
    if parts.scheme != "https" or "@" in parts.netloc or "\\" in raw:
        raise HTTPException(status_code=400, detail="URL not allowed")
    if parts.hostname not in ALLOWED_HOSTS or parts.port not in (None, 443):
        raise HTTPException(status_code=400, detail="URL not allowed")
    return parts.geturl()


@app.post("/preview")
async def preview(req: PreviewRequest):
    url = checked_url(req.url)
    async with httpx.AsyncClient(follow_redirects=False, timeout=10) as client:
        resp = await client.get(url)
    m = TITLE_RE.search(resp.text[:65536])
    return {"status": resp.status_code, "title": m.group(1).strip() if m else None}
