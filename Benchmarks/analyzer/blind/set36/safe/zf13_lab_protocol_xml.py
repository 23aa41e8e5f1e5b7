"""Imports assay protocol definitions (XML) exported by partner labs into the protocol registry."""
import argparse
import json
import logging
import shutil
import sys
from pathlib import Path

from lxml import etree

log = logging.getLogger("protocol_import")
NS = {"p": "urn:labxchange:protocol:1"}


def text_of(element, path, default=""):
    value = element.findtext(path, default=default, namespaces=NS)
    return value.strip() if value else default


def load_protocol(xml_path):
    tree = etree.parse(str(xml_path), etree.XMLParser(resolve_entities=False, load_dtd=False, no_network=True))
    root = tree.getroot()
    steps = [
        {
            "order": int(step.get("order")),
            "action": text_of(step, "p:action"),
            "duration_min": float(text_of(step, "p:duration", "0")),
        }
        for step in root.iterfind("p:steps/p:step", NS)
    ]
    return {
        "id": root.get("id"),
        "title": text_of(root, "p:title"),
        "owner_lab": text_of(root, "p:ownerLab"),
        "reagents": [r.text.strip() for r in root.iterfind("p:reagents/p:reagent", NS) if r.text],
        "steps": sorted(steps, key=lambda s: s["order"]),
    }


def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("inbox", type=Path, help="directory holding partner protocol exports")
    parser.add_argument("--registry", type=Path, required=True, help="JSON registry to update")
    parser.add_argument("--archive", type=Path, help="move processed files here")
    parser.add_argument("--dry-run", action="store_true", help="parse only, do not write")
    return parser.parse_args(argv)


def main(argv=None):
    args = parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(message)s")
    registry = json.loads(args.registry.read_text()) if args.registry.exists() else {}

    imported = 0
    for xml_path in sorted(args.inbox.glob("*.xml")):
        try:
            protocol = load_protocol(xml_path)
        except (etree.XMLSyntaxError, TypeError, ValueError) as exc:
            log.warning("skipping %r: %r", xml_path.name, exc)
            continue
        if not protocol["id"]:
            log.warning("skipping %r: protocol has no id", xml_path.name)
            continue
        registry[protocol["id"]] = protocol
        imported += 1
        if args.archive and not args.dry_run:
            args.archive.mkdir(parents=True, exist_ok=True)
            shutil.move(str(xml_path), str(args.archive / xml_path.name))

    if not args.dry_run:
        args.registry.write_text(json.dumps(registry, indent=2, sort_keys=True))
    log.info("imported %d protocols (%d in registry)", imported, len(registry))
    return 0


if __name__ == "__main__":
    sys.exit(main())
