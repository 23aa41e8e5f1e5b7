"""Import site/device inventory exported from the vendor cloud portal."""
import json
import logging
import os
import sqlite3

import click
import requests
import yaml

log = logging.getLogger("inventory-import")

SCHEMA = """
CREATE TABLE IF NOT EXISTS devices (
    hostname TEXT PRIMARY KEY, site TEXT, model TEXT, mgmt_ip TEXT, tags TEXT
)
"""
INSERT = "INSERT OR REPLACE INTO devices VALUES (:hostname, :site, :model, :mgmt_ip, :tags)"


def fetch_export(url: str) -> str:
    headers = {"Authorization": f"Bearer {os.environ.get('PORTAL_TOKEN', '')}"}
    resp = requests.get(url, headers=headers, timeout=30)
    resp.raise_for_status()
    return resp.text


def read_export(stream):
    doc = yaml.safe_load(stream)
    if not isinstance(doc, dict) or "sites" not in doc:
        raise click.ClickException("export does not look like an inventory document")
    return doc


def iter_devices(doc):
    for site in doc["sites"]:
        for dev in site.get("devices", []):
            yield {
                "hostname": dev["hostname"],
                "site": site.get("name", "unknown"),
                "model": dev.get("model", ""),
                "mgmt_ip": dev.get("mgmt_ip", ""),
                "tags": json.dumps(dev.get("tags", [])),
            }


@click.command()
@click.option("--file", "export_file", type=click.File("r"), help="Local export file")
@click.option("--url", help="Fetch the export straight from the portal")
@click.option("--db", default="inventory.db", show_default=True)
@click.option("--dry-run", is_flag=True)
def main(export_file, url, db, dry_run):
    """Load a portal export into the local inventory database."""
    logging.basicConfig(level=logging.INFO)
    if url:
        source = fetch_export(url)
    elif export_file:
        source = export_file.read()
    else:
        raise click.UsageError("either --file or --url is required")

    doc = read_export(source)
    rows = list(iter_devices(doc))
    click.echo(f"{len(rows)} devices in export")
    if dry_run:
        return

    conn = sqlite3.connect(db)
    with conn:
        conn.execute(SCHEMA)
        conn.executemany(INSERT, rows)
    conn.close()
    log.info("imported %d devices into %s", len(rows), db)


if __name__ == "__main__":
    main()
