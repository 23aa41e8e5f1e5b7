"""Import carrier service-route definitions (port rotations) dropped into the partner inbox."""
import logging
import shutil
from pathlib import Path

import click
import yaml

log = logging.getLogger("route_import")

REQUIRED = ("service_code", "carrier", "rotation")


class RouteFileError(Exception):
    pass


def read_routes(path: Path) -> dict:
    with path.open("r", encoding="utf-8") as fh:
        doc = yaml.safe_load(fh)
    if not isinstance(doc, dict):
        raise RouteFileError("top level must be a mapping")
    missing = [k for k in REQUIRED if k not in doc]
    if missing:
        raise RouteFileError("missing keys: %s" % ", ".join(missing))
    return doc


def normalise(doc: dict) -> dict:
    rotation = []
    for call in doc["rotation"]:
        rotation.append({
            "unlocode": str(call["port"]).upper(),
            "terminal": call.get("terminal"),
            "transit_days": int(call.get("transit_days", 0)),
        })
    return {
        "service_code": str(doc["service_code"]).upper(),
        "carrier": str(doc["carrier"]).upper(),
        "rotation": rotation,
        "frequency": doc.get("frequency", "weekly"),
    }


@click.command()
@click.option("--inbox", type=click.Path(file_okay=False, path_type=Path), default="/srv/partners/inbox/routes")
@click.option("--processed", type=click.Path(file_okay=False, path_type=Path), default="/srv/partners/processed")
@click.option("--dry-run", is_flag=True)
def main(inbox: Path, processed: Path, dry_run: bool):
    """Load every *.yaml route file in INBOX."""
    logging.basicConfig(level=logging.INFO)
    loaded = 0
    for path in sorted(inbox.glob("*.y*ml")):
        try:
            route = normalise(read_routes(path))
        except (RouteFileError, KeyError, ValueError, yaml.YAMLError) as exc:
            log.error("skipping %s: %r", path.name, exc)
            continue
        click.echo("%s %s: %d calls" % (route["carrier"], route["service_code"], len(route["rotation"])))
        loaded += 1
        if not dry_run:
            processed.mkdir(parents=True, exist_ok=True)
            shutil.move(str(path), str(processed / path.name))
    click.echo("%d route files loaded" % loaded)


if __name__ == "__main__":
    main()
