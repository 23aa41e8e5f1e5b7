"""Archive old clean-in-place (CIP) cycle logs for every active tank.

Tank names come from the cellar dashboard API so newly commissioned tanks are
picked up without editing this script.
"""
import datetime as dt
import logging
import os
import subprocess

import click
import requests

log = logging.getLogger("cip.archive")

CIP_LOG_ROOT = os.environ.get("CIP_LOG_ROOT", "/var/log/cip")
ARCHIVE_ROOT = os.environ.get("CIP_ARCHIVE_ROOT", "/srv/archive/cip")


def fetch_tanks(api: str, token: str) -> list:
    resp = requests.get(
        f"{api.rstrip('/')}/api/tanks",
        params={"active": "true"},
        headers={"Authorization": f"Token {token}"},
        timeout=15,
    )
    resp.raise_for_status()
    return resp.json().get("tanks", [])


def archive_cip_logs(tank_name: str, days: int, dry_run: bool = False) -> int:
    src = f"{CIP_LOG_ROOT}/{tank_name}"
    stamp = dt.date.today().strftime("%Y%m%d")
    dest = f"{ARCHIVE_ROOT}/{tank_name}-{stamp}.tar.gz"
    cmd = (
        f"cd {src} && find . -name '*.log' -mtime +{days} -print0 "
        f"| tar --null -czf {dest} --remove-files -T -"
    )
    if dry_run:
        click.echo(cmd)
        return 0
    log.debug("archiving %r", src)
    return subprocess.call(cmd, shell=True)  # VULN flow


@click.command()
@click.option("--api", envvar="CELLAR_API", required=True, help="Cellar dashboard base URL")
@click.option("--token", envvar="CELLAR_API_TOKEN", required=True)
@click.option("--days", default=30, show_default=True, type=click.IntRange(1, 3650))
@click.option("--dry-run", is_flag=True)
def main(api: str, token: str, days: int, dry_run: bool):
    """Compress CIP logs older than DAYS for each active tank."""
    logging.basicConfig(level=logging.INFO)
    os.makedirs(ARCHIVE_ROOT, exist_ok=True)
    failures = 0
    for tank in fetch_tanks(api, token):
        name = str(tank.get("name", "")).strip()
        if not name or not os.path.isdir(os.path.join(CIP_LOG_ROOT, name)):
            continue
        rc = archive_cip_logs(name, days, dry_run)
        if rc != 0:
            failures += 1
            log.error("archive for tank %r failed (rc=%d)", name, rc)
    if failures:
        raise SystemExit(1)


if __name__ == "__main__":
    main()
