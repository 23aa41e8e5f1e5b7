"""policyctl: archive policy document folders listed in a retention manifest."""
import csv
import logging
import os
import re
import shlex
import subprocess
from datetime import date

import click

log = logging.getLogger("policyctl")
DOC_ROOT = os.environ.get("POLICY_DOC_ROOT", "/srv/policy-docs")
POLICY_RE = re.compile(r"[A-Z]{2,4}\d{6,10}")


def read_manifest(path):
    """Manifest is the CSV export of the broker portal's 'lapsed policies' report."""
    with open(path, newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            yield {
                "policy": row["policy_number"].strip(),
                "surname": row["holder_surname"].strip(),
                "reason": row.get("lapse_reason", ""),
            }


def archive_name(entry, stamp):
    surname = re.sub(r"[^a-z0-9]", "", entry["surname"].lower())
    return f"{entry['policy']}_{surname}_{stamp}.tar.gz"


@click.group()
@click.option("-v", "--verbose", is_flag=True)
def cli(verbose):
    logging.basicConfig(level=logging.DEBUG if verbose else logging.INFO)


@cli.command()
@click.argument("manifest", type=click.Path(exists=True, dir_okay=False))
@click.option("--dest", default="/srv/archive/policies", show_default=True)
@click.option("--stamp", default=lambda: date.today().strftime("%Y%m%d"))
@click.option("--dry-run", is_flag=True)
def archive(manifest, dest, stamp, dry_run):
    """Archive every policy folder listed in MANIFEST."""
    os.makedirs(dest, exist_ok=True)
    done = failed = 0
    for entry in read_manifest(manifest):
        if not POLICY_RE.fullmatch(entry["policy"]):
            log.error("skipping malformed policy number %r", entry["policy"])
            failed += 1
            continue
        target = os.path.join(dest, archive_name(entry, stamp))
        cmd = ["tar", "-czf", target, "-C", DOC_ROOT, entry["policy"]]
        if dry_run:
            click.echo(shlex.join(cmd))
            continue
        rc = subprocess.run(cmd, check=False).returncode
        if rc != 0:
            log.error("tar exited %s for policy %r", rc, entry["policy"])
            failed += 1
            continue
        done += 1
    click.echo(f"archived {done} policies, {failed} failures")


if __name__ == "__main__":
    cli()
