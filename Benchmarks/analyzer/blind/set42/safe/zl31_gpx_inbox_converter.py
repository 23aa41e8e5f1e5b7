#!/usr/bin/env python3
"""Converts GPX tracks uploaded by app users into GeoJSON.

The mobile app uploads raw .gpx files into the inbox bucket mount; this
script runs every few minutes, converts them and moves the originals.
"""
import argparse
import json
import logging
import shutil
import xml.sax
from pathlib import Path
from typing import List, Tuple

import defusedxml
import defusedxml.sax

log = logging.getLogger("gpx_convert")


class TrackHandler(xml.sax.ContentHandler):
    def __init__(self) -> None:
        super().__init__()
        self.points: List[Tuple[float, float]] = []
        self.name = ""
        self._in_name = False

    def startElement(self, name, attrs):
        if name == "trkpt":
            self.points.append((float(attrs["lon"]), float(attrs["lat"])))
        elif name == "name":
            self._in_name = True

    def characters(self, content):
        if self._in_name:
            self.name += content

    def endElement(self, name):
        if name == "name":
            self._in_name = False


def make_parser(handler: TrackHandler):
    parser = defusedxml.sax.make_parser()
    parser.setFeature(xml.sax.handler.feature_namespaces, False)
    # Garmin extension DTDs are not needed for track points
    parser.setFeature(xml.sax.handler.feature_external_ges, False)
    parser.setContentHandler(handler)
    return parser


def convert(gpx_path: Path) -> dict:
    handler = TrackHandler()
    parser = make_parser(handler)
    parser.parse(str(gpx_path))
    return {
        "type": "Feature",
        "properties": {"name": handler.name.strip(), "source": gpx_path.name},
        "geometry": {"type": "LineString", "coordinates": handler.points},
    }


def run(inbox: Path, outbox: Path, done: Path) -> int:
    outbox.mkdir(parents=True, exist_ok=True)
    done.mkdir(parents=True, exist_ok=True)
    converted = 0
    for gpx in sorted(inbox.glob("*.gpx")):
        try:
            feature = convert(gpx)
        except (xml.sax.SAXParseException, defusedxml.DefusedXmlException, KeyError, ValueError) as exc:
            log.warning("could not convert %r: %s", gpx.name, type(exc).__name__)
            continue
        (outbox / f"{gpx.stem}.geojson").write_text(json.dumps(feature), encoding="utf-8")
        shutil.move(str(gpx), done / gpx.name)
        converted += 1
    return converted


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--inbox", type=Path, default=Path("/mnt/uploads/gpx/inbox"))
    ap.add_argument("--outbox", type=Path, default=Path("/mnt/uploads/gpx/geojson"))
    ap.add_argument("--done", type=Path, default=Path("/mnt/uploads/gpx/processed"))
    args = ap.parse_args()
    logging.basicConfig(level=logging.INFO)
    count = run(args.inbox, args.outbox, args.done)
    log.info("converted %d tracks", count)


if __name__ == "__main__":
    main()
