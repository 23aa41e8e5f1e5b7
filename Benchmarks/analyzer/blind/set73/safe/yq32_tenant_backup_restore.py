#!/usr/bin/env python3
"""Restore a tenant's CRM database from a snapshot uploaded via the admin portal.

The archive is a .tar.gz with a manifest.json and a pg_dump custom-format file.
"""
import argparse
import json
import logging
import os
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile

log = logging.getLogger("ops.restore")

PG_RESTORE = os.environ.get("PG_RESTORE", "pg_restore")
PG_HOST = os.environ.get("PGHOST", "localhost")
DB_NAME_RE = re.compile(r"^[a-z][a-z0-9_]{0,62}$")


def _checked_members(tar, workdir):
    base = os.path.realpath(workdir)
    for member in tar.getmembers():
        if not (member.isfile() or member.isdir()):
            raise ValueError(f"unsupported member type: {member.name!r}")
        target = os.path.realpath(os.path.join(base, member.name))
        if os.path.commonpath([base, target]) != base:
            raise ValueError(f"member escapes work dir: {member.name!r}")
        yield member


def unpack(archive, workdir):
    with tarfile.open(archive, "r:gz") as tar:
        tar.extractall(workdir, members=list(_checked_members(tar, workdir)))
    return workdir


def read_manifest(workdir):
    with open(os.path.join(workdir, "manifest.json"), encoding="utf-8") as fh:
        manifest = json.load(fh)
    for key in ("tenant", "database", "dump"):
        if key not in manifest:
            raise ValueError(f"manifest missing {key!r}")
    return manifest


def build_restore_cmd(workdir, manifest, jobs):
    dump = os.path.join(workdir, os.path.basename(manifest["dump"]))
    db = manifest["database"]
    if not DB_NAME_RE.match(db):
        raise ValueError(f"invalid database name {db!r}")
    return [PG_RESTORE, "--clean", "--if-exists", "--no-owner", "-j", str(jobs),
            "-h", PG_HOST, "-d", db, dump]


def restore(workdir, manifest, jobs=4):
    cmd = build_restore_cmd(workdir, manifest, jobs)
    log.info("restoring tenant %r", manifest["tenant"])
    subprocess.check_call(cmd)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("archive", help="path of the uploaded snapshot (.tar.gz)")
    parser.add_argument("--jobs", type=int, default=4)
    parser.add_argument("--keep", action="store_true", help="keep the working directory")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")

    workdir = tempfile.mkdtemp(prefix="restore_")
    try:
        unpack(args.archive, workdir)
        manifest = read_manifest(workdir)
        restore(workdir, manifest, args.jobs)
    except (ValueError, tarfile.TarError, subprocess.CalledProcessError) as exc:
        log.error("restore failed: %r", exc)
        return 1
    finally:
        if not args.keep:
            shutil.rmtree(workdir, ignore_errors=True)
    log.info("restore finished")
    return 0


if __name__ == "__main__":
    sys.exit(main())
