#!/usr/bin/env python3
"""Push file-share backups to the vault host with rsync.

Each team maintains its entry in the shared ``backup-jobs.json`` manifest
(kept in the infra-config repository, editable by every team lead). This
tool is run hourly by the backup service account.
"""
import json
import logging
import os
import re
from pathlib import Path

import click

log = logging.getLogger("rsync_backup")

VAULT_HOST = os.environ.get("BACKUP_VAULT_HOST", "backup@vault01.internal")
DEST_ROOT = "/vault/fileshares"
NAME_RE = re.compile(r"^[a-z0-9_-]{2,40}$")


def load_manifest(path: Path) -> list:
    data = json.loads(path.read_text(encoding="utf-8"))
    jobs = data.get("jobs", [])
    for job in jobs:
        if not NAME_RE.match(job.get("name", "")):
            raise click.ClickException(f"invalid job name: {job.get('name')!r}")
    return jobs


def build_rsync(job: dict, dry_run: bool) -> str:
    opts = ["-az", "--delete", "--numeric-ids"]
    if dry_run:
        opts.append("--dry-run")
    if job.get("bwlimit"):
        opts.append(f"--bwlimit={job['bwlimit']}")
    excludes = " ".join(f"--exclude='{pat}'" for pat in job.get("exclude", []))
    return (
        f"rsync {' '.join(opts)} {excludes} "
        f"{job['source']}/ {VAULT_HOST}:{DEST_ROOT}/{job['name']}/"
    )


def run_job(job: dict, dry_run: bool) -> bool:
    cmd = build_rsync(job, dry_run)
    log.info("running job %s", job["name"])
    rc = os.system(cmd)  # VULN flow
    if rc != 0:
        log.error("job %s exited with status %s", job["name"], rc)
        return False
    return True


@click.command()
@click.option("--manifest", type=click.Path(exists=True, path_type=Path),
              default="/etc/backup/backup-jobs.json", show_default=True)
@click.option("--only", multiple=True, help="Run only the named job(s).")
@click.option("--dry-run", is_flag=True)
def main(manifest: Path, only, dry_run: bool) -> None:
    """Run all (or selected) rsync backup jobs from the manifest."""
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
    jobs = load_manifest(manifest)
    if only:
        jobs = [j for j in jobs if j["name"] in only]
    failures = [j["name"] for j in jobs if not run_job(j, dry_run)]
    if failures:
        raise click.ClickException(f"failed jobs: {', '.join(failures)}")
    click.echo(f"{len(jobs)} job(s) completed")


if __name__ == "__main__":
    main()
