"""Bottle endpoint: customers migrating from another host upload a mailbox export (XML)."""
import io
import logging
import xml.sax
from xml.sax import handler

from bottle import Bottle, HTTPError, request

app = Bottle()
log = logging.getLogger("mail-migration")

MAX_UPLOAD = 2 * 1024 * 1024


class MailboxExportHandler(handler.ContentHandler):
    """Collects <mailbox address=".." quota=".."><alias>..</alias></mailbox> entries."""

    def __init__(self):
        super().__init__()
        self.mailboxes = []
        self._current = None
        self._text = []

    def startElement(self, name, attrs):
        if name == "mailbox":
            self._current = {
                "address": attrs.get("address", ""),
                "quota_mb": int(attrs.get("quota", "1024")),
                "aliases": [],
            }
        self._text = []

    def characters(self, content):
        self._text.append(content)

    def endElement(self, name):
        if name == "alias" and self._current is not None:
            self._current["aliases"].append("".join(self._text).strip())
        elif name == "mailbox" and self._current is not None:
            self.mailboxes.append(self._current)
            self._current = None


def parse_export(data: bytes) -> list:
    collector = MailboxExportHandler()
    parser = xml.sax.make_parser()
    parser.setFeature(handler.feature_external_ges, True)
    parser.setContentHandler(collector)
    parser.parse(io.BytesIO(data))  # VULN flow
    return collector.mailboxes


@app.post("/domains/<domain>/migration")
def upload_export(domain):
    upload = request.files.get("export")
    if upload is None:
        raise HTTPError(400, "export file missing")
    data = upload.file.read(MAX_UPLOAD + 1)
    if len(data) > MAX_UPLOAD:
        raise HTTPError(413, "export too large")
    try:
        mailboxes = parse_export(data)
    except xml.sax.SAXParseException as exc:
        raise HTTPError(400, f"invalid export: {exc.getMessage()}")
    accepted = [m for m in mailboxes if m["address"].endswith("@" + domain)]
    log.info("migration preview for %r: %d mailboxes", domain, len(accepted))
    return {"domain": domain, "mailboxes": accepted, "skipped": len(mailboxes) - len(accepted)}
