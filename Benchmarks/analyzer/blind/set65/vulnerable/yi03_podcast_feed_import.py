"""Import episodes from podcast RSS files uploaded through the creator portal."""
import logging
from dataclasses import dataclass, field
from email.utils import parsedate_to_datetime
from typing import List, Optional

from lxml import etree

log = logging.getLogger("podcast.import")

ITUNES_NS = "http://www.itunes.com/dtds/podcast-1.0.dtd"
NSMAP = {"itunes": ITUNES_NS}


@dataclass
class Episode:
    guid: str
    title: str
    audio_url: str
    published: Optional[str]
    duration: Optional[str] = None


@dataclass
class ImportResult:
    show_title: str
    episodes: List[Episode] = field(default_factory=list)
    skipped: int = 0


def _feed_parser() -> etree.XMLParser:
    # creator feeds are often sloppy, so be lenient
    return etree.XMLParser(load_dtd=True, resolve_entities=True, no_network=False, recover=True)


def _text(node, path: str) -> str:
    found = node.find(path, namespaces=NSMAP)
    return found.text.strip() if found is not None and found.text else ""


def _published(raw: str) -> Optional[str]:
    if not raw:
        return None
    try:
        return parsedate_to_datetime(raw).isoformat()
    except (TypeError, ValueError):
        return None


def parse_feed(raw: bytes) -> ImportResult:
    root = etree.fromstring(raw, parser=_feed_parser())  # VULN flow
    channel = root.find("channel")
    if channel is None:
        raise ValueError("not an RSS 2.0 feed")
    result = ImportResult(show_title=_text(channel, "title"))
    for item in channel.iterfind("item"):
        enclosure = item.find("enclosure")
        if enclosure is None or not enclosure.get("url"):
            result.skipped += 1
            continue
        result.episodes.append(
            Episode(
                guid=_text(item, "guid") or enclosure.get("url"),
                title=_text(item, "title"),
                audio_url=enclosure.get("url"),
                published=_published(_text(item, "pubDate")),
                duration=_text(item, "itunes:duration") or None,
            )
        )
    return result


def handle_upload(job: dict, storage) -> dict:
    """RQ job entry point: ``job`` carries the storage key of the uploaded feed."""
    raw = storage.read(job["object_key"])
    result = parse_feed(raw)
    log.info(
        "imported %d episodes for show %r (skipped %d)",
        len(result.episodes), result.show_title, result.skipped,
    )
    return {
        "show": result.show_title,
        "episodes": [vars(e) for e in result.episodes],
        "skipped": result.skipped,
    }
