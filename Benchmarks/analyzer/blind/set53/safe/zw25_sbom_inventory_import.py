"""Import CycloneDX SBOMs that tenants upload into the component inventory.

The upload bucket is synced to ``--inbox`` by a sidecar; this command parses
every new document and upserts the components for the owning tenant.
"""
import io
import logging
import os
import shutil
import xml.sax
from pathlib import Path
from xml.sax.handler import ContentHandler, feature_external_ges

import typer
from defusedxml.sax import make_parser

from inventory.db import ComponentStore

app = typer.Typer(help="SBOM import tools")
log = logging.getLogger("sbom-import")


class CycloneDXHandler(ContentHandler):
    FIELDS = {"name", "version", "purl", "group"}

    def __init__(self):
        super().__init__()
        self.components = []
        self._current = None
        self._field = None
        self._buf = []

    def startElement(self, name, attrs):
        local = name.split(":")[-1]
        if local == "component":
            self._current = {"type": attrs.get("type", "library")}
        elif self._current is not None and local in self.FIELDS:
            self._field, self._buf = local, []

    def characters(self, content):
        if self._field:
            self._buf.append(content)

    def endElement(self, name):
        local = name.split(":")[-1]
        if self._field == local:
            self._current[local] = "".join(self._buf).strip()
            self._field = None
        elif local == "component" and self._current is not None:
            self.components.append(self._current)
            self._current = None


def parse_sbom(payload: bytes) -> list:
    handler = CycloneDXHandler()
    parser = make_parser()
    parser.setFeature(feature_external_ges, False)
    parser.setContentHandler(handler)
    parser.parse(io.BytesIO(payload))
    return handler.components


@app.command()
def import_inbox(inbox: Path = typer.Option(...), done: Path = typer.Option(...)):
    store = ComponentStore.from_env()
    for tenant_dir in sorted(p for p in inbox.iterdir() if p.is_dir()):
        for doc in sorted(tenant_dir.glob("*.xml")):
            try:
                components = parse_sbom(doc.read_bytes())
            except xml.sax.SAXException as exc:
                log.warning("unparseable SBOM %r: %s", doc.name, exc)
                continue
            count = store.upsert(tenant_dir.name, components, source=doc.name)
            os.makedirs(done / tenant_dir.name, exist_ok=True)
            shutil.move(str(doc), str(done / tenant_dir.name / doc.name))
            typer.echo(f"{tenant_dir.name}/{doc.name}: {count} components")


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    app()
