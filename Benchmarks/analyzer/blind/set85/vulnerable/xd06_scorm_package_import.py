"""Import SCORM 2004 packages into the course authoring store.

Partners send packages through the content intake bucket; the ops team runs
this tool over the intake folder to register each package as a course unit.
"""
import json
import logging
import zipfile
from pathlib import Path

import click
from lxml import etree

log = logging.getLogger("authoring.scorm")

NS = {
    "cp": "http://www.imsglobal.org/xsd/imscp_v1p1",
    "adlcp": "http://www.adlnet.org/xsd/adlcp_v1p3",
}


def read_manifest(package: Path) -> bytes:
    with zipfile.ZipFile(package) as zf:
        return zf.read("imsmanifest.xml")


def parse_manifest(data: bytes):
    # some authoring tools ship manifests that rely on DTD defaults/entities
    parser = etree.XMLParser(resolve_entities=True, load_dtd=True, no_network=False)
    return etree.fromstring(data, parser)  # VULN flow


def extract_outline(root) -> dict:
    resources = {
        res.get("identifier"): res.get("href")
        for res in root.iter("{%s}resource" % NS["cp"])
    }
    items = []
    for item in root.iter("{%s}item" % NS["cp"]):
        title = item.findtext("cp:title", default="", namespaces=NS)
        ref = item.get("identifierref")
        items.append({
            "identifier": item.get("identifier"),
            "title": title.strip(),
            "launch": resources.get(ref),
        })
    org_title = root.findtext("cp:organizations/cp:organization/cp:title", default="", namespaces=NS)
    return {"title": org_title.strip(), "items": items}


@click.command()
@click.argument("intake", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--out", type=click.Path(path_type=Path), default=Path("outlines.json"))
@click.option("-v", "--verbose", is_flag=True)
def main(intake: Path, out: Path, verbose: bool) -> None:
    """Parse every package in INTAKE and write the unit outlines as JSON."""
    logging.basicConfig(level=logging.DEBUG if verbose else logging.INFO)
    outlines = {}
    for package in sorted(intake.glob("*.zip")):
        try:
            root = parse_manifest(read_manifest(package))
        except (KeyError, zipfile.BadZipFile, etree.XMLSyntaxError) as exc:
            log.error("skipping %s: %s", package.name, exc)
            continue
        outlines[package.stem] = extract_outline(root)
        click.echo(f"{package.name}: {len(outlines[package.stem]['items'])} items")
    out.write_text(json.dumps(outlines, indent=2))


if __name__ == "__main__":
    main()
