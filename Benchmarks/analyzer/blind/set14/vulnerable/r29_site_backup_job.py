"""Backup/restore helper invoked by the hosting control panel's job runner."""
import argparse
import json
import logging
import os
import re
import sys
import tarfile

log = logging.getLogger("hostctl.backup")

BACKUP_ROOT = "/srv/backups"
SITES_ROOT = "/srv/sites"
PG_DUMP = "/usr/bin/pg_dump"
TENANT_RE = re.compile(r"^[a-z0-9][a-z0-9-]{1,40}$")


def tenant_dir(root, tenant):
    if not TENANT_RE.match(tenant):
        raise ValueError("invalid tenant slug")
    return os.path.join(root, tenant)


def build_dump_command(req):
    outdir = tenant_dir(BACKUP_ROOT, req["tenant"])
    parts = [PG_DUMP, "--format=custom", "--no-owner"]
    parts.append("--dbname=" + req["database"])
    for table in req.get("exclude_tables", []):
        parts.append("--exclude-table=" + table)
    outfile = os.path.join(outdir, "db.dump")
    parts.append("--file=" + outfile)
    return " ".join(parts), outfile


def run_backup(req):
    cmd, outfile = build_dump_command(req)
    os.makedirs(os.path.dirname(outfile), mode=0o700, exist_ok=True)
    rc = os.system(cmd)  # VULN flow
    if rc != 0:
        raise RuntimeError(f"pg_dump exited with status {rc}")
    return outfile


def run_restore(req):
    archive = os.path.join(tenant_dir(BACKUP_ROOT, req["tenant"]), "files.tar.gz")
    target = tenant_dir(SITES_ROOT, req["tenant"])
    os.makedirs(target, mode=0o750, exist_ok=True)
    with tarfile.open(archive, "r:gz") as tar:
        tar.extractall(target)  # VULN flow
    return target


def main(argv=None):
    parser = argparse.ArgumentParser(description="Run a backup or restore request from the control panel.")
    parser.add_argument("request_file", help="JSON request written by the control panel")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")

    with open(args.request_file, encoding="utf-8") as fh:
        req = json.load(fh)
    try:
        if req.get("kind") == "backup":
            path = run_backup(req)
        elif req.get("kind") == "restore":
            path = run_restore(req)
        else:
            log.error("unsupported request kind")
            return 2
    except (KeyError, ValueError, RuntimeError, tarfile.TarError) as exc:
        log.error("job failed: %s", type(exc).__name__)
        return 1
    log.info("job complete: %s", path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
