"""Import ONIX product feeds that distributors drop on our SFTP server.

Runs every ten minutes from a systemd timer; each feed is parsed with a SAX
handler so multi-gigabyte backlist feeds don't have to fit in memory.
"""
import logging
import os
import shutil
import sqlite3
import sys
import xml.sax
from xml.sax.handler import feature_external_ges, feature_namespaces

log = logging.getLogger("onix_import")

INBOX = os.environ.get("ONIX_INBOX", "/srv/sftp/distributors")
ARCHIVE = os.environ.get("ONIX_ARCHIVE", "/srv/onix/archive")
DB_PATH = os.environ.get("CATALOGUE_DB", "/var/lib/catalogue/catalogue.db")
FIELDS = {"RecordReference": "record", "IDValue": "isbn", "TitleText": "title",
          "PersonName": "contributor", "PriceAmount": "price"}


class ProductHandler(xml.sax.ContentHandler):
    def __init__(self):
        super().__init__()
        self.products = []
        self.current = None
        self.field = None
        self.buffer = []

    def startElement(self, name, attrs):
        if name == "Product":
            self.current = {}
        elif self.current is not None and name in FIELDS and FIELDS[name] not in self.current:
            self.field = FIELDS[name]
            self.buffer = []

    def characters(self, content):
        if self.field:
            self.buffer.append(content)

    def endElement(self, name):
        if self.field and FIELDS.get(name) == self.field:
            self.current[self.field] = "".join(self.buffer).strip()
            self.field = None
        elif name == "Product" and self.current is not None:
            self.products.append(self.current)
            self.current = None


def parse_feed(path):
    handler = ProductHandler()
    parser = xml.sax.make_parser()
    parser.setFeature(feature_namespaces, False)
    parser.setFeature(feature_external_ges, True)
    parser.setContentHandler(handler)
    parser.parse(path)  # VULN flow
    return handler.products


def store(products, distributor):
    with sqlite3.connect(DB_PATH) as conn:
        conn.executemany(
            "INSERT OR REPLACE INTO products (record, isbn, title, contributor, price, distributor)"
            " VALUES (:record, :isbn, :title, :contributor, :price, :distributor)",
            [{**dict.fromkeys(FIELDS.values()), **p, "distributor": distributor} for p in products],
        )


def main():
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
    for distributor in sorted(os.listdir(INBOX)):
        upload_dir = os.path.join(INBOX, distributor, "upload")
        for name in sorted(os.listdir(upload_dir)) if os.path.isdir(upload_dir) else []:
            if not name.lower().endswith(".xml"):
                continue
            feed = os.path.join(upload_dir, name)
            try:
                products = parse_feed(feed)
            except xml.sax.SAXException as exc:
                log.error("%s/%r: parse error at line %s", distributor, name, exc.getLineNumber() if hasattr(exc, "getLineNumber") else "?")
                continue
            store(products, distributor)
            os.makedirs(os.path.join(ARCHIVE, distributor), exist_ok=True)
            shutil.move(feed, os.path.join(ARCHIVE, distributor, name))
            log.info("%s/%r: imported %d products", distributor, name, len(products))
    return 0


if __name__ == "__main__":
    sys.exit(main())
