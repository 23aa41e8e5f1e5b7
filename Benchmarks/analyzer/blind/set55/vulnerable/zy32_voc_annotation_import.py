#!/usr/bin/env python3
"""Convert Pascal VOC annotation deliveries from labeling vendors into a JSONL manifest.

Usage: voc_import.py delivery.zip --out manifest.jsonl [--labels labels.txt]
"""
import argparse
import json
import logging
import sys
import xml.sax
import zipfile
from xml.sax.handler import feature_external_ges, feature_namespaces

log = logging.getLogger("voc-import")


class VOCHandler(xml.sax.ContentHandler):
    def __init__(self):
        super().__init__()
        self.filename = None
        self.size = {}
        self.objects = []
        self._path = []
        self._text = []
        self._obj = None

    def startElement(self, name, attrs):
        self._path.append(name)
        self._text = []
        if name == "object":
            self._obj = {"bbox": {}}

    def characters(self, content):
        self._text.append(content)

    def endElement(self, name):
        text = "".join(self._text).strip()
        parent = self._path[-2] if len(self._path) > 1 else None
        if name == "filename":
            self.filename = text
        elif parent == "size" and name in ("width", "height", "depth"):
            self.size[name] = int(text)
        elif self._obj is not None and parent == "object" and name in ("name", "difficult"):
            self._obj[name] = text
        elif self._obj is not None and parent == "bndbox":
            self._obj["bbox"][name] = float(text)
        elif name == "object":
            self.objects.append(self._obj)
            self._obj = None
        self._path.pop()
        self._text = []


def parse_annotation(stream) -> dict:
    handler = VOCHandler()
    parser = xml.sax.make_parser()
    parser.setFeature(feature_namespaces, False)
    parser.setFeature(feature_external_ges, True)
    parser.setContentHandler(handler)
    parser.parse(stream)  # VULN flow
    return {"image": handler.filename, "size": handler.size, "objects": handler.objects}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("delivery", help="zip file from the vendor")
    ap.add_argument("--out", required=True)
    ap.add_argument("--labels", help="file with one allowed label per line")
    args = ap.parse_args(argv)
    logging.basicConfig(level=logging.INFO)

    allowed = None
    if args.labels:
        with open(args.labels) as fh:
            allowed = {line.strip() for line in fh if line.strip()}

    written = skipped = 0
    with zipfile.ZipFile(args.delivery) as zf, open(args.out, "w") as out:
        for info in zf.infolist():
            if not info.filename.endswith(".xml"):
                continue
            with zf.open(info) as stream:
                try:
                    record = parse_annotation(stream)
                except (xml.sax.SAXParseException, ValueError) as exc:
                    log.warning("skipping %r: %s", info.filename, exc)
                    skipped += 1
                    continue
            if allowed is not None:
                record["objects"] = [o for o in record["objects"] if o.get("name") in allowed]
            out.write(json.dumps(record) + "\n")
            written += 1
    log.info("wrote %d annotations, skipped %d", written, skipped)
    return 0


if __name__ == "__main__":
    sys.exit(main())
