import logging

import requests
from lxml import etree

log = logging.getLogger("scraper.feeds")

FEED_PARSER = etree.XMLParser(resolve_entities=True, no_network=False, recover=True)


def fetch(url):
    resp = requests.get(url, timeout=15, headers={"User-Agent": "feedbot/1.2"})
    resp.raise_for_status()
    return resp.content


def parse_items(xml_bytes):
    root = etree.fromstring(xml_bytes, parser=FEED_PARSER)  # VULN flow
    for item in root.iter("item"):
        yield {
            "title": item.findtext("title", default="").strip(),
            "link": item.findtext("link", default="").strip(),
            "published": item.findtext("pubDate"),
        }


def crawl(feed_urls):
    items = []
    for url in feed_urls:
        try:
            items.extend(parse_items(fetch(url)))
        except (requests.RequestException, etree.XMLSyntaxError) as exc:
            log.warning("skipping %s: %s", url, exc)
    return items
