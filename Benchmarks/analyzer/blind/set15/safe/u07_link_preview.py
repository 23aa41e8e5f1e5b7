"""Link unfurling service used by the team chat backend."""
import logging
import re
from html import unescape
from typing import Optional
from urllib.parse import urlsplit

import httpx
from fastapi import Depends, FastAPI, HTTPException
from pydantic import BaseModel, field_validator

logger = logging.getLogger("chat.unfurl")
app = FastAPI(title="unfurl")

_TITLE_RE = re.compile(r"<title[^>]*>(.*?)</title>", re.IGNORECASE | re.DOTALL)
_OG_RE = re.compile(r'<meta\s+property="og:(title|description|image)"\s+content="([^"]*)"', re.IGNORECASE)

UNFURL_HOSTS = frozenset({
    "github.com", "gitlab.com", "www.youtube.com", "vimeo.com",
    "docs.google.com", "www.figma.com", "en.wikipedia.org",
})


class UnfurlRequest(BaseModel):
    url: str
    channel_id: int
    max_bytes: int = 256_000

    @field_validator("url")
    @classmethod
    def url_must_be_known_provider(cls, value: str) -> str:
        parts = urlsplit(value)
        if parts.scheme != "https" or parts.hostname not in UNFURL_HOSTS or parts.port not in (None, 443):
            raise ValueError("unsupported link provider")
        return value


class Preview(BaseModel):
    url: str
    title: Optional[str] = None
    description: Optional[str] = None
    image: Optional[str] = None


class PageFetcher:
    def __init__(self, client: httpx.AsyncClient):
        self.client = client

    async def fetch(self, target: str, limit: int) -> str:
        resp = await self.client.get(target, follow_redirects=False)
        resp.raise_for_status()
        return resp.text[:limit]


class PreviewBuilder:
    def __init__(self, fetcher: PageFetcher):
        self.fetcher = fetcher

    async def build(self, req: UnfurlRequest) -> Preview:
        html = await self.fetcher.fetch(req.url, req.max_bytes)
        preview = Preview(url=req.url)
        match = _TITLE_RE.search(html)
        if match:
            preview.title = unescape(match.group(1).strip())[:200]
        for prop, content in _OG_RE.findall(html):
            setattr(preview, "title" if prop == "title" else prop, unescape(content)[:500])
        return preview


_client: Optional[httpx.AsyncClient] = None


async def get_builder() -> PreviewBuilder:
    global _client
    if _client is None:
        _client = httpx.AsyncClient(timeout=5.0, headers={"User-Agent": "chat-unfurl/2.1"})
    return PreviewBuilder(PageFetcher(_client))


@app.post("/unfurl", response_model=Preview)
async def unfurl(req: UnfurlRequest, builder: PreviewBuilder = Depends(get_builder)):
    try:
        return await builder.build(req)
    except httpx.HTTPError as exc:
        logger.info("unfurl failed channel=%d url=%r: %r", req.channel_id, req.url, exc)
        raise HTTPException(status_code=502, detail="could not fetch preview")


@app.on_event("shutdown")
async def close_client():
    if _client is not None:
        await _client.aclose()
