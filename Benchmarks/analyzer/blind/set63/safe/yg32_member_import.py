#!/usr/bin/env python3
"""Import member registrations uploaded by clubs (federation XML format) and
produce the membership-card print file."""
import argparse
import csv
import logging
import os
import shutil
import xml.sax
from xml.sax.handler import feature_external_ges

import defusedxml.sax

log = logging.getLogger("member_import")

CARD_FIELDS = ["member_no", "first_name", "last_name", "club", "grade", "expires"]


class MemberHandler(xml.sax.ContentHandler):
    def __init__(self):
        super().__init__()
        self.members = []
        self._current = None
        self._field = None
        self._buf = []

    def startElement(self, name, attrs):
        if name == "member":
            self._current = {"member_no": attrs.get("no", "")}
        elif self._current is not None and name in CARD_FIELDS:
            self._field, self._buf = name, []

    def characters(self, content):
        if self._field:
            self._buf.append(content)

    def endElement(self, name):
        if self._field == name:
            self._current[name] = "".join(self._buf).strip()
            self._field = None
        elif name == "member" and self._current is not None:
            self.members.append(self._current)
            self._current = None


def parse_members(source: str) -> list:
    handler = MemberHandler()
    parser = defusedxml.sax.make_parser()
    parser.setFeature(feature_external_ges, False)
    parser.setContentHandler(handler)
    parser.parse(source)
    return handler.members


def write_cards(members: list, out_path: str) -> None:
    with open(out_path, "w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=CARD_FIELDS, extrasaction="ignore")
        writer.writeheader()
        writer.writerows(members)
    os.chmod(out_path, 0o640)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--inbox", default="/srv/uploads/registrations")
    ap.add_argument("--outdir", default="/srv/print/cards")
    ap.add_argument("--processed", default="/srv/uploads/registrations/processed")
    args = ap.parse_args(argv)
    logging.basicConfig(level=logging.INFO)
    os.makedirs(args.outdir, exist_ok=True)
    os.makedirs(args.processed, exist_ok=True)

    for name in sorted(os.listdir(args.inbox)):
        if not name.endswith(".xml"):
            continue
        path = os.path.join(args.inbox, name)
        try:
            members = parse_members(path)
        except xml.sax.SAXException as exc:
            log.error("could not parse %r: %r", name, exc)
            continue
        write_cards(members, os.path.join(args.outdir, name[:-4] + ".csv"))
        shutil.move(path, os.path.join(args.processed, name))
        log.info("imported %d members from %r", len(members), name)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
