"""Slack bot: replies in-thread with a title/description preview of posted links."""
import logging
import os
import re
from html.parser import HTMLParser
from urllib.parse import urlparse

import requests
from slack_bolt import App

app = App(token=os.environ["SLACK_BOT_TOKEN"], signing_secret=os.environ["SLACK_SIGNING_SECRET"])
log = logging.getLogger("preview-bot")

URL_RE = re.compile(r"<(https?://[^>|\s]+)(?:\|[^>]*)?>")
MAX_LINKS = 3
PREVIEW_HOSTS = {"github.com", "docs.python.org", "en.wikipedia.org", "pypi.org"}


class _MetaParser(HTMLParser):
    def __init__(self):
        super().__init__()
        self.meta = {}
        self._in_title = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "title":
            self._in_title = True
        elif tag == "meta" and attrs.get("property", "").startswith("og:"):
            self.meta[attrs["property"][3:]] = attrs.get("content", "")

    def handle_endtag(self, tag):
        if tag == "title":
            self._in_title = False

    def handle_data(self, data):
        if self._in_title and "title" not in self.meta:
            self.meta["title"] = data.strip()


def fetch_preview(link):
    parts = urlparse(link)
    if parts.scheme != "https" or parts.hostname not in PREVIEW_HOSTS or parts.port not in (None, 443):
        return None
    resp = requests.get(link, timeout=5, allow_redirects=False, headers={"User-Agent": "preview-bot/1.2"})
    if resp.status_code != 200 or "html" not in resp.headers.get("Content-Type", ""):
        return None
    parser = _MetaParser()
    parser.feed(resp.text[:200_000])
    return parser.meta


@app.event("message")
def on_message(event, say):
    if event.get("bot_id") or event.get("subtype"):
        return
    links = URL_RE.findall(event.get("text", ""))[:MAX_LINKS]
    for link in links:
        try:
            meta = fetch_preview(link)
        except requests.RequestException as exc:
            log.warning("preview failed for %r: %r", link, exc)
            continue
        if meta and meta.get("title"):
            summary = f"*{meta['title']}*\n{meta.get('description', '')[:300]}"
            say(text=summary, thread_ts=event["ts"])


if __name__ == "__main__":
    app.start(port=int(os.environ.get("PORT", "3000")))
