"""Feed onboarding helper: lets analysts preview a candidate threat-intel feed
before it is added to the nightly loader."""
import logging
from urllib.parse import urlsplit, urlunsplit

import httpx
from fastapi import FastAPI, HTTPException, Query
from fastapi.responses import PlainTextResponse

log = logging.getLogger("feed_preview")
app = FastAPI(title="feed-preview")

MAX_PREVIEW_BYTES = 256 * 1024
ALLOWED_FEED_HOSTS = {
    "feeds.fin-isac.example",
    "intel.partner-a.example",
    "raw.githubusercontent.com",
    "urlhaus.abuse.ch",
    "feodotracker.abuse.ch",
}


def normalise_feed_url(raw: str) -> str:
    """Accept bare hostnames/paths the way analysts paste them from vendor docs."""
    raw = raw.strip()
    if "://" not in raw:
        raw = "https://" + raw
    parts = urlsplit(raw)
    if parts.scheme.lower() != "https" or parts.hostname not in ALLOWED_FEED_HOSTS:
        raise HTTPException(status_code=400, detail="feed host is not on the onboarding allow-list")
    if parts.port not in (None, 443) or parts.username or parts.password:
        raise HTTPException(status_code=400, detail="unexpected port or credentials in URL")
    path = parts.path or "/"
    return urlunsplit(("https", parts.hostname, path, parts.query, ""))


class FeedPreviewer:
    def __init__(self, max_bytes: int = MAX_PREVIEW_BYTES):
        self.max_bytes = max_bytes

    async def fetch(self, url: str) -> str:
        async with httpx.AsyncClient(follow_redirects=False) as client:
            resp = await client.get(url, timeout=10.0, headers={"User-Agent": "soc-feed-preview/1.3"})
        resp.raise_for_status()
        return resp.text[: self.max_bytes]


previewer = FeedPreviewer()


@app.get("/feeds/preview", response_class=PlainTextResponse)
async def preview(url: str = Query(..., min_length=4), lines: int = Query(25, le=500)):
    target = normalise_feed_url(url)
    try:
        text = await previewer.fetch(target)
    except httpx.HTTPStatusError as exc:
        raise HTTPException(status_code=502, detail=f"upstream returned {exc.response.status_code}")
    except httpx.HTTPError:
        raise HTTPException(status_code=502, detail="could not fetch feed")
    head = text.splitlines()[:lines]
    log.info("previewed feed %r (%d lines)", target, len(head))
    return "\n".join(head)


@app.get("/feeds/formats")
def formats():
    return {"supported": ["csv", "stix2-json", "misp-json", "plain-ioc-list"]}
