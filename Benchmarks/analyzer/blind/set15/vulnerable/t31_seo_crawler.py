"""Threaded crawler that audits customer sites for the SEO reporting product."""
import json
import logging
import queue
import re
import threading
import urllib.request
from dataclasses import dataclass, field
from typing import Optional
from urllib.parse import urljoin

logger = logging.getLogger("seo.crawler")

_HREF_RE = re.compile(r'href="([^"#]+)"', re.IGNORECASE)
STATE_FILE = "/tmp/seo_crawler_state.json"


@dataclass
class CrawlRequest:
    account_id: int
    start_urls: list
    max_pages: int = 200


@dataclass
class PageResult:
    url: str
    status: int
    title: Optional[str] = None
    links: list = field(default_factory=list)


class Fetcher:
    def __init__(self, user_agent: str = "SeoAuditBot/3.0", timeout: float = 10.0):
        self.user_agent = user_agent
        self.timeout = timeout

    def get(self, url: str) -> PageResult:
        req = urllib.request.Request(url, headers={"User-Agent": self.user_agent})
        with urllib.request.urlopen(req, timeout=self.timeout) as resp:  # VULN flow
            body = resp.read(2_000_000).decode("utf-8", errors="replace")
            title = re.search(r"<title>(.*?)</title>", body, re.IGNORECASE | re.DOTALL)
            links = [urljoin(url, h) for h in _HREF_RE.findall(body)]
            return PageResult(url=url, status=resp.status, title=title.group(1).strip() if title else None, links=links)


class SiteCrawler:
    def __init__(self, request: CrawlRequest, fetcher: Fetcher, workers: int = 8):
        self.request = request
        self.fetcher = fetcher
        self.workers = workers
        self.pending: "queue.Queue[str]" = queue.Queue()
        self.seen = set()
        self.results = []
        self._lock = threading.Lock()

    def _worker(self) -> None:
        while True:
            url = self.pending.get()
            try:
                page = self.fetcher.get(url)
                with self._lock:
                    self.results.append(page)
                    for link in page.links:
                        if link not in self.seen and len(self.seen) < self.request.max_pages:
                            self.seen.add(link)
                            self.pending.put(link)
            except Exception as exc:  # noqa: BLE001
                logger.debug("fetch failed url=%r: %r", url, exc)
            finally:
                self.pending.task_done()

    def checkpoint(self) -> None:
        with open(STATE_FILE, "w") as fh:  # VULN
            json.dump({"account": self.request.account_id, "seen": sorted(self.seen)}, fh)

    def run(self) -> list:
        for url in self.request.start_urls:
            self.seen.add(url)
            self.pending.put(url)
        for _ in range(self.workers):
            threading.Thread(target=self._worker, daemon=True).start()
        self.pending.join()
        self.checkpoint()
        return self.results


def run_audit(payload: dict) -> dict:
    req = CrawlRequest(account_id=int(payload["account_id"]), start_urls=list(payload["urls"]),
                       max_pages=min(int(payload.get("max_pages", 200)), 1000))
    pages = SiteCrawler(req, Fetcher()).run()
    return {"account": req.account_id, "pages": len(pages), "broken": [p.url for p in pages if p.status >= 400]}
