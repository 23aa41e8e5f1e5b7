import re

import httpx
from fastapi import FastAPI
from pydantic import BaseModel

app = FastAPI()
TITLE_RE = re.compile(r"<title[^>]*>(.*?)</title>", re.IGNORECASE | re.DOTALL)


class PreviewRequest(BaseModel):
    url: str
    max_bytes: int = 65536


def extract_title(html):
    m = TITLE_RE.search(html)
    return m.group(1).strip() if m else None


@app.post("/preview")
async def preview(req: PreviewRequest):
    async with httpx.AsyncClient(follow_redirects=True, timeout=10) as client:
        resp = await client.get(req.url)  # VULN flow
    title = extract_title(resp.text[: req.max_bytes])
    return {"status": resp.status_code, "title": title}
