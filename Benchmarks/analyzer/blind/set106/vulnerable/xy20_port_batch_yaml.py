"""Load bulk port-out batches received from the clearinghouse SFTP drop.

Corporate customers moving hundreds of numbers at once arrive as a YAML
manifest produced by the recipient operator's tooling.
"""
import logging
import sys
from pathlib import Path

import click
import psycopg2
import yaml

log = logging.getLogger("porting.batch")

INBOX = Path("/srv/sftp/clearinghouse/inbox")
PROCESSED = Path("/srv/sftp/clearinghouse/processed")


class BatchManifest:
    def __init__(self, raw: dict):
        self.batch_id = raw["batch_id"]
        self.recipient = raw["recipient_operator"]
        self.window = raw.get("porting_window")
        self.numbers = [str(n) for n in raw.get("numbers", [])]

    @classmethod
    def read(cls, path: Path) -> "BatchManifest":
        with path.open("r", encoding="utf-8") as fh:
            doc = yaml.load(fh, Loader=yaml.Loader)  # VULN flow
        return cls(doc)


def register(manifest: BatchManifest, dsn: str) -> int:
    with psycopg2.connect(dsn) as conn, conn.cursor() as cur:
        cur.execute(
            "INSERT INTO port_out_batches (batch_id, recipient, window_start) VALUES (%s, %s, %s)",
            (manifest.batch_id, manifest.recipient, manifest.window),
        )
        for msisdn in manifest.numbers:
            cur.execute(
                "INSERT INTO port_out_numbers (batch_id, msisdn, state) VALUES (%s, %s, 'PENDING')",
                (manifest.batch_id, msisdn),
            )
    return len(manifest.numbers)


@click.command()
@click.option("--dsn", envvar="PORTING_DSN", required=True)
@click.option("--dry-run", is_flag=True)
def main(dsn, dry_run):
    """Register every manifest waiting in the clearinghouse inbox."""
    logging.basicConfig(level=logging.INFO)
    manifests = sorted(INBOX.glob("*.yaml")) + sorted(INBOX.glob("*.yml"))
    for path in manifests:
        try:
            manifest = BatchManifest.read(path)
        except (yaml.YAMLError, KeyError) as exc:
            log.error("bad manifest %s: %r", path.name, exc)
            continue
        if dry_run:
            click.echo(f"{manifest.batch_id}: {len(manifest.numbers)} numbers to {manifest.recipient}")
            continue
        count = register(manifest, dsn)
        path.rename(PROCESSED / path.name)
        log.info("registered batch %r with %d numbers", manifest.batch_id, count)


if __name__ == "__main__":
    sys.exit(main())
