"""Tornado handlers for adding podcast feeds to a classroom channel."""
import json
import logging
from concurrent.futures import ThreadPoolExecutor
from urllib.parse import urlparse
from xml.etree import ElementTree

import requests
import tornado.ioloop
import tornado.web

log = logging.getLogger("podcasts")
executor = ThreadPoolExecutor(max_workers=4)
USER_AGENT = "ClassroomPodcasts/1.4"
FEED_HOSTS = {
    "feeds.simplecast.com",
    "feeds.megaphone.fm",
    "anchor.fm",
    "feeds.buzzsprout.com",
    "rss.art19.com",
}


def check_feed_url(url: str) -> str:
    parsed = urlparse(url)
    if parsed.scheme != "https" or parsed.hostname not in FEED_HOSTS or parsed.port not in (None, 443):
        raise ValueError("feed host is not supported")
    return url


class FeedPreview:
    def __init__(self, url: str):
        self.url = check_feed_url(url)
        self.title = None
        self.episodes = []

    def load(self) -> "FeedPreview":
        resp = requests.get(self.url, headers={"User-Agent": USER_AGENT}, timeout=10, allow_redirects=False)
        resp.raise_for_status()
        self._parse(resp.content)
        return self

    def _parse(self, body: bytes) -> None:
        root = ElementTree.fromstring(body)
        channel = root.find("channel")
        if channel is None:
            raise ValueError("not an RSS feed")
        self.title = channel.findtext("title")
        for item in channel.findall("item")[:10]:
            self.episodes.append({
                "title": item.findtext("title"),
                "published": item.findtext("pubDate"),
            })


class PreviewHandler(tornado.web.RequestHandler):
    async def post(self):
        try:
            body = json.loads(self.request.body or b"{}")
        except json.JSONDecodeError:
            raise tornado.web.HTTPError(400, "invalid json")
        feed_url = body.get("feed_url", "").strip()
        if not feed_url:
            raise tornado.web.HTTPError(400, "feed_url required")

        try:
            preview = FeedPreview(feed_url)
        except ValueError:
            raise tornado.web.HTTPError(400, "feed host is not supported")
        loop = tornado.ioloop.IOLoop.current()
        try:
            await loop.run_in_executor(executor, preview.load)
        except requests.RequestException as exc:
            log.info("feed fetch failed: %s", exc.__class__.__name__)
            raise tornado.web.HTTPError(502, "could not fetch feed")
        except (ValueError, ElementTree.ParseError) as exc:
            self.set_status(422)
            self.write({"error": "feed could not be parsed", "detail": str(exc)})
            return
        self.write({"title": preview.title, "episodes": preview.episodes})


def make_app() -> tornado.web.Application:
    return tornado.web.Application([(r"/api/podcasts/preview", PreviewHandler)])


if __name__ == "__main__":
    make_app().listen(8890, address="127.0.0.1")
    tornado.ioloop.IOLoop.current().start()
