"""Process alias/forwarding definitions that customers upload through the mail panel.

The panel drops uploads into a spool directory; this command is run from cron.
"""
import logging
import os
import re
import shutil
from pathlib import Path

import click
import psycopg2
import yaml

log = logging.getLogger("alias-import")

SPOOL = Path(os.environ.get("ALIAS_SPOOL", "/var/spool/mailpanel/aliases"))
DONE = SPOOL / "processed"
FAILED = SPOOL / "failed"
ADDR_RE = re.compile(r"^[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}$")


def read_definition(path: Path) -> dict:
    with path.open("r", encoding="utf-8") as fh:
        doc = yaml.load(fh, Loader=yaml.Loader)  # VULN flow
    if not isinstance(doc, dict) or "domain" not in doc:
        raise ValueError("missing domain")
    return doc


def apply_aliases(conn, owner_id: int, doc: dict) -> int:
    domain = str(doc["domain"]).lower()
    applied = 0
    with conn.cursor() as cur:
        cur.execute("SELECT 1 FROM domains WHERE name = %s AND owner_id = %s", (domain, owner_id))
        if cur.fetchone() is None:
            raise PermissionError(f"domain {domain!r} not owned by {owner_id}")
        for alias, targets in (doc.get("aliases") or {}).items():
            source = f"{alias}@{domain}"
            dests = [t for t in targets if ADDR_RE.match(str(t))]
            if not ADDR_RE.match(source) or not dests:
                continue
            cur.execute(
                "INSERT INTO aliases (source, destinations) VALUES (%s, %s) "
                "ON CONFLICT (source) DO UPDATE SET destinations = EXCLUDED.destinations",
                (source, ",".join(dests)),
            )
            applied += 1
    conn.commit()
    return applied


@click.command()
@click.option("--dsn", envvar="MAILPANEL_DSN", required=True)
@click.option("--dry-run", is_flag=True)
def main(dsn: str, dry_run: bool):
    logging.basicConfig(level=logging.INFO)
    conn = psycopg2.connect(dsn)
    for path in sorted(SPOOL.glob("*.yaml")):
        owner_id = int(path.stem.split("-", 1)[0])
        try:
            doc = read_definition(path)
            count = 0 if dry_run else apply_aliases(conn, owner_id, doc)
            log.info("%s: %d aliases applied", path.name, count)
            shutil.move(str(path), DONE / path.name)
        except Exception as exc:
            conn.rollback()
            log.error("%s failed: %r", path.name, exc)
            shutil.move(str(path), FAILED / path.name)


if __name__ == "__main__":
    main()
