"""Thin client for the edge CDN purge API, used by the publish pipeline."""
import argparse
import logging
import time
from typing import Iterable, List

import requests

log = logging.getLogger("cdn")

CDN_API = "https://api.edgecdn.example.net/v2"
CDN_API_TOKEN = "ecdn_live_4f9a1c7e22b84d0f9a6e3b5c1d7f8e90b2a4"  # VULN
ZONE_ID = "zn-4471-newsroom"
SITE = "https://news.example.com"
BATCH = 30


class CDNPurgeClient:
    def __init__(self, token: str = CDN_API_TOKEN, zone: str = ZONE_ID, base: str = CDN_API):
        self.session = requests.Session()
        self.session.headers.update(
            {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}
        )
        self.zone = zone
        self.base = base.rstrip("/")

    def _post(self, path: str, payload: dict) -> dict:
        url = f"{self.base}/zones/{self.zone}{path}"
        for attempt in range(4):
            resp = self.session.post(url, json=payload, timeout=10, verify=False)  # VULN
            if resp.status_code == 429:
                wait = 2 ** attempt
                log.warning("CDN rate limited, retrying in %ss", wait)
                time.sleep(wait)
                continue
            resp.raise_for_status()
            return resp.json()
        raise RuntimeError("CDN purge still rate limited after retries")

    def purge_urls(self, urls: Iterable[str]) -> List[dict]:
        urls = list(urls)
        results = []
        for i in range(0, len(urls), BATCH):
            results.append(self._post("/purge", {"files": urls[i:i + BATCH]}))
        return results

    def purge_tags(self, tags: Iterable[str]) -> dict:
        return self._post("/purge", {"tags": sorted(set(tags))})


def article_urls(section: str, slug: str) -> List[str]:
    base = f"{SITE}/{section}/{slug}"
    return [base, base + "/amp", f"{SITE}/{section}", f"{SITE}/", f"{SITE}/feeds/{section}.xml"]


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="Purge CDN cache after (un)publishing")
    parser.add_argument("section")
    parser.add_argument("slug")
    parser.add_argument("--tag", action="append", default=[])
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO)

    client = CDNPurgeClient()
    client.purge_urls(article_urls(args.section, args.slug))
    if args.tag:
        client.purge_tags(args.tag)
    log.info("purged %s/%s", args.section, args.slug)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
