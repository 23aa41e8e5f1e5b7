"""Worker command that imports RSS feeds podcasters submitted through the creator portal."""
import io
import logging
import sqlite3
import xml.sax
from dataclasses import dataclass, field
from typing import List, Optional
from xml.sax.handler import feature_external_ges

import requests
import typer

log = logging.getLogger("feed-import")
cli = typer.Typer()


@dataclass
class Episode:
    title: str = ""
    guid: str = ""
    enclosure: Optional[str] = None


@dataclass
class Feed:
    title: str = ""
    episodes: List[Episode] = field(default_factory=list)


class RssHandler(xml.sax.ContentHandler):
    def __init__(self) -> None:
        super().__init__()
        self.feed = Feed()
        self._current: Optional[Episode] = None
        self._text: List[str] = []

    def startElement(self, name, attrs):
        self._text = []
        if name == "item":
            self._current = Episode()
        elif name == "enclosure" and self._current is not None:
            self._current.enclosure = attrs.get("url")

    def characters(self, content):
        self._text.append(content)

    def endElement(self, name):
        text = "".join(self._text).strip()
        if name == "item" and self._current is not None:
            self.feed.episodes.append(self._current)
            self._current = None
        elif name == "title":
            if self._current is not None:
                self._current.title = text
            elif not self.feed.title:
                self.feed.title = text
        elif name == "guid" and self._current is not None:
            self._current.guid = text


def parse_feed(data: bytes) -> Feed:
    handler = RssHandler()
    parser = xml.sax.make_parser()
    parser.setFeature(feature_external_ges, True)
    parser.setContentHandler(handler)
    parser.parse(io.BytesIO(data))  # VULN flow
    return handler.feed


class FeedImporter:
    def __init__(self, db: sqlite3.Connection, session: requests.Session):
        self.db = db
        self.session = session

    def fetch(self, feed_url: str) -> bytes:
        resp = self.session.get(feed_url, timeout=20, stream=True)  # VULN flow
        resp.raise_for_status()
        return resp.raw.read(5 * 1024 * 1024, decode_content=True)

    def import_pending(self) -> int:
        rows = self.db.execute("SELECT id, feed_url FROM submissions WHERE status = 'pending'").fetchall()
        for sub_id, url in rows:
            try:
                feed = parse_feed(self.fetch(url))
                self.db.execute(
                    "UPDATE submissions SET status = 'imported', title = ?, episodes = ? WHERE id = ?",
                    (feed.title, len(feed.episodes), sub_id),
                )
            except (requests.RequestException, xml.sax.SAXException) as exc:
                log.warning("submission %s failed: %r", sub_id, exc)
                self.db.execute("UPDATE submissions SET status = 'failed' WHERE id = ?", (sub_id,))
        self.db.commit()
        return len(rows)


@cli.command()
def run(db_path: str = typer.Option("portal.db")):
    importer = FeedImporter(sqlite3.connect(db_path), requests.Session())
    typer.echo(f"processed {importer.import_pending()} submissions")


if __name__ == "__main__":
    cli()
