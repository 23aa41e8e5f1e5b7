"""Imports mailing-list archives uploaded by list owners migrating to us.

Owners upload an XML export from their old provider through the portal; the
files land in INCOMING/<list-name>/ and this job (run every few minutes)
loads them into the public web archive.
"""
import logging
import shutil
import sqlite3
import xml.sax
from pathlib import Path
from xml.sax.handler import feature_external_ges, feature_namespaces

import defusedxml.sax
import typer

app = typer.Typer(help="mailing list archive importer")
log = logging.getLogger("lists.import")

INCOMING = Path("/srv/list-imports/incoming")
PROCESSED = Path("/srv/list-imports/processed")


class ArchiveHandler(xml.sax.ContentHandler):
    FIELDS = {"from", "date", "subject", "body", "message-id"}

    def __init__(self):
        super().__init__()
        self.messages = []
        self._current = None
        self._field = None
        self._buf = []

    def startElement(self, name, attrs):
        if name == "message":
            self._current = {}
        elif self._current is not None and name in self.FIELDS:
            self._field, self._buf = name, []

    def characters(self, content):
        if self._field:
            self._buf.append(content)

    def endElement(self, name):
        if name == self._field:
            self._current[name] = "".join(self._buf).strip()
            self._field = None
        elif name == "message" and self._current is not None:
            self.messages.append(self._current)
            self._current = None


def make_parser(handler: ArchiveHandler):
    parser = defusedxml.sax.make_parser()
    parser.setFeature(feature_namespaces, False)
    parser.setFeature(feature_external_ges, False)
    parser.setContentHandler(handler)
    return parser


def store(db: Path, list_name: str, messages: list) -> int:
    with sqlite3.connect(db) as conn:
        conn.executemany(
            "INSERT OR IGNORE INTO archive (list, message_id, sender, sent_at, subject, body) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            [(list_name, m.get("message-id"), m.get("from"), m.get("date"), m.get("subject"), m.get("body"))
             for m in messages],
        )
    return len(messages)


@app.command()
def import_incoming(db: Path = typer.Option(Path("/var/lib/lists/archive.db")), dry_run: bool = False):
    """Import every pending upload."""
    logging.basicConfig(level=logging.INFO)
    for upload in sorted(INCOMING.glob("*/*.xml")):
        list_name = upload.parent.name
        handler = ArchiveHandler()
        parser = make_parser(handler)
        try:
            with upload.open("rb") as fh:
                parser.parse(fh)
        except (xml.sax.SAXParseException, defusedxml.DefusedXmlException) as exc:
            log.warning("skipping %r: %s", upload.name, exc.__class__.__name__)
            continue
        if dry_run:
            typer.echo(f"{list_name}: {len(handler.messages)} messages (dry run)")
            continue
        count = store(db, list_name, handler.messages)
        dest = PROCESSED / list_name
        dest.mkdir(parents=True, exist_ok=True)
        shutil.move(str(upload), dest / upload.name)
        typer.echo(f"{list_name}: imported {count} messages")


if __name__ == "__main__":
    app()
