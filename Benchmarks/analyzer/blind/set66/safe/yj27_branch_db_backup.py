"""click tool: dump each branch's DMS database for the group data warehouse.

Branch database locations come from the HQ branch registry, which branch
managers maintain themselves through the HQ portal.
"""
import logging
import os
import re
import subprocess
import sys
from datetime import date

import click
import requests

log = logging.getLogger("branch.backup")

BRANCH_REGISTRY = "https://hq.northgate-motors.internal/api/branches"
PG_USER = "dealer_sync"
PG_PASSWORD = os.environ.get("DEALER_SYNC_PGPASSWORD", "")
DEFAULT_OUT = "/srv/warehouse/staging"
CODE_RE = re.compile(r"^[A-Z0-9-]{2,16}$")


def fetch_branches(token: str):
    resp = requests.get(BRANCH_REGISTRY, headers={"Authorization": f"Bearer {token}"}, timeout=15)
    resp.raise_for_status()
    return [b for b in resp.json()["branches"] if b.get("active")]


def dump_command(branch: dict):
    return ["pg_dump", "--no-owner", "-h", branch["db_host"], "-U", PG_USER,
            "--dbname", branch["db_name"]]


def dump_branch(branch: dict, outdir: str) -> int:
    if not CODE_RE.match(str(branch["code"])):
        log.warning("skipping branch with odd code %r", branch["code"])
        return 1
    outfile = os.path.join(outdir, f"{branch['code']}_{date.today():%Y%m%d}.sql.gz")
    cmd = dump_command(branch)
    log.info("dumping branch %r", branch["code"])
    env = dict(os.environ, PGPASSWORD=PG_PASSWORD)
    with open(outfile, "wb") as out:
        dump = subprocess.Popen(cmd, stdout=subprocess.PIPE, env=env)
        gz = subprocess.run(["gzip", "-c"], stdin=dump.stdout, stdout=out)
        dump.stdout.close()
        return dump.wait() or gz.returncode


@click.command()
@click.option("--token", envvar="HQ_API_TOKEN", required=True)
@click.option("--outdir", default=DEFAULT_OUT, show_default=True)
@click.option("--only", multiple=True, help="branch code(s) to dump")
def main(token, outdir, only):
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
    os.makedirs(outdir, exist_ok=True)
    branches = fetch_branches(token)
    if only:
        branches = [b for b in branches if b["code"] in only]
    failed = []
    for branch in branches:
        if dump_branch(branch, outdir) != 0:
            failed.append(branch["code"])
    if failed:
        click.echo(f"failed: {', '.join(failed)}", err=True)
        sys.exit(1)
    click.echo(f"dumped {len(branches)} branches to {outdir}")


if __name__ == "__main__":
    main()
