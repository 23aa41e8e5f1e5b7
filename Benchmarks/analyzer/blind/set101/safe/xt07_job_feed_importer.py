"""Employer self-service: register a careers JSON feed and preview the jobs
that would be imported onto the board."""
import logging
from typing import List, Optional
from urllib.parse import urlparse

import requests
from fastapi import Depends, FastAPI, HTTPException
from pydantic import BaseModel

from jobboard.auth import current_employer

app = FastAPI(title="feed-importer")
log = logging.getLogger("feeds")

FETCH_TIMEOUT = 10
MAX_ITEMS = 250
# Feeds are only accepted from the ATS vendors we have integrations with.
ALLOWED_FEED_HOSTS = {
    "boards-api.greenhouse.io",
    "api.lever.co",
    "api.smartrecruiters.com",
    "apply.workable.com",
}


class FeedPreviewRequest(BaseModel):
    feed_url: str
    default_location: Optional[str] = None


class JobPreview(BaseModel):
    external_id: str
    title: str
    location: str
    apply_url: Optional[str] = None


def is_allowed_feed(url: str) -> bool:
    parsed = urlparse(url)
    return parsed.scheme == "https" and (parsed.hostname or "").lower() in ALLOWED_FEED_HOSTS


class FeedFetcher:
    def __init__(self, user_agent: str = "JobBoardFeedBot/1.3"):
        self.headers = {"User-Agent": user_agent, "Accept": "application/json"}

    def fetch(self, url: str) -> dict:
        if not is_allowed_feed(url):
            raise ValueError("feed host not allowed")
        resp = requests.get(url, headers=self.headers, timeout=FETCH_TIMEOUT,
                            allow_redirects=False)
        resp.raise_for_status()
        return resp.json()


def normalise(items: List[dict], default_location: Optional[str]) -> List[JobPreview]:
    jobs = []
    for item in items[:MAX_ITEMS]:
        title = (item.get("title") or "").strip()
        if not title:
            continue
        jobs.append(JobPreview(
            external_id=str(item.get("id") or item.get("req_id") or ""),
            title=title,
            location=item.get("location") or default_location or "Remote",
            apply_url=item.get("apply_url"),
        ))
    return jobs


fetcher = FeedFetcher()


@app.post("/employer/feeds/preview", response_model=List[JobPreview])
def preview_feed(body: FeedPreviewRequest, employer=Depends(current_employer)):
    source = body.feed_url.strip()
    if not is_allowed_feed(source):
        raise HTTPException(status_code=400, detail="unsupported feed provider")
    try:
        payload = fetcher.fetch(source)
    except requests.RequestException as exc:
        log.info("feed preview failed for employer %s: %s", employer.id, exc)
        raise HTTPException(status_code=502, detail="could not fetch feed")
    except ValueError:
        raise HTTPException(status_code=422, detail="feed is not valid JSON")
    items = payload.get("jobs") if isinstance(payload, dict) else payload
    if not isinstance(items, list):
        raise HTTPException(status_code=422, detail="unexpected feed shape")
    return normalise(items, body.default_location)
