"""policyctl: archive policy document folders listed in a retention manifest."""
import csv
import logging
import os
from datetime import date

import click

log = logging.getLogger("policyctl")
DOC_ROOT = os.environ.get("POLICY_DOC_ROOT", "/srv/policy-docs")


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
    return f"{entry['policy']}_{entry['surname'].lower()}_{stamp}.tar.gz"


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
        target = os.path.join(dest, archive_name(entry, stamp))
        cmd = f"tar -czf {target} -C {DOC_ROOT} {entry['policy']}"
        if dry_run:
            click.echo(cmd)
            continue
        rc = os.system(cmd)  # VULN flow
        if rc != 0:
            log.error("tar exited %s for policy %r", rc, entry["policy"])
            failed += 1
            continue
        done += 1
    click.echo(f"archived {done} policies, {failed} failures")


if __name__ == "__main__":
    cli()
