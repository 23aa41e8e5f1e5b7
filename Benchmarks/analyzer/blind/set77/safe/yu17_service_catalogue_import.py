"""CLI to import franchise service catalogues (YAML) into the marketplace.

Franchise owners upload their catalogue through the partner portal; the portal
drops the file into the inbox directory and ops run this tool on it.

    catalogue-import --franchise leeds-north /srv/partner-inbox/leeds-north/catalogue.yml
"""
import argparse
import json
import logging
import sys
from decimal import Decimal

import yaml

log = logging.getLogger("catalogue-import")

REQUIRED_FIELDS = ("code", "name", "price", "duration_minutes")


class CatalogueError(Exception):
    pass


def load_catalogue(path: str) -> dict:
    with open(path, "r", encoding="utf-8") as fh:
        doc = yaml.safe_load(fh)
    if not isinstance(doc, dict) or "services" not in doc:
        raise CatalogueError("catalogue must be a mapping with a 'services' key")
    return doc


def validate_services(services: list) -> list[dict]:
    cleaned = []
    for idx, svc in enumerate(services):
        missing = [f for f in REQUIRED_FIELDS if f not in svc]
        if missing:
            raise CatalogueError(f"service #{idx} missing {', '.join(missing)}")
        cleaned.append(
            {
                "code": str(svc["code"]).upper(),
                "name": str(svc["name"]).strip(),
                "price": str(Decimal(str(svc["price"])).quantize(Decimal("0.01"))),
                "duration_minutes": int(svc["duration_minutes"]),
                "tags": [str(t) for t in svc.get("tags", [])],
            }
        )
    return cleaned


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("catalogue", help="path to the uploaded YAML catalogue")
    parser.add_argument("--franchise", required=True)
    parser.add_argument("--dry-run", action="store_true")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO)

    try:
        doc = load_catalogue(args.catalogue)
        services = validate_services(doc["services"])
    except (OSError, yaml.YAMLError, CatalogueError, ValueError) as exc:
        log.error("import failed: %s", exc)
        return 1

    payload = {"franchise": args.franchise, "currency": doc.get("currency", "GBP"), "services": services}
    if args.dry_run:
        json.dump(payload, sys.stdout, indent=2)
        return 0
    log.info("importing %d services for %s", len(services), args.franchise)
    # the catalogue API client is injected by the ops wrapper script
    return 0


if __name__ == "__main__":
    sys.exit(main())
