"""Restore customer workspace backups that land in the restore inbox."""
import argparse
import json
import logging
import os
import pathlib
import shutil
import sys
import tarfile

log = logging.getLogger("restore")

INBOX = pathlib.Path("/srv/backups/inbox")
WORKSPACES = pathlib.Path("/srv/workspaces")


class RestoreError(Exception):
    pass


def read_manifest(tar):
    try:
        member = tar.getmember("manifest.json")
    except KeyError as exc:
        raise RestoreError("archive has no manifest.json") from exc
    fh = tar.extractfile(member)
    if fh is None:
        raise RestoreError("manifest.json is not a regular file")
    manifest = json.load(fh)
    if not isinstance(manifest, dict) or "workspace" not in manifest:
        raise RestoreError("manifest is missing the workspace id")
    return manifest


def checked_members(tar, dest):
    root = os.path.realpath(dest)
    members = []
    for member in tar.getmembers():
        if not (member.isfile() or member.isdir()):
            raise RestoreError(f"refusing link or device entry {member.name!r}")
        target = os.path.realpath(os.path.join(root, member.name))
        if target == root or os.path.commonpath([root, target]) != root:
            raise RestoreError(f"entry escapes the workspace: {member.name!r}")
        member.mode &= 0o755
        members.append(member)
    return members


def restore(archive_path, workspace_id, dry_run=False):
    staging = WORKSPACES / f".staging-{workspace_id}"
    if staging.exists():
        shutil.rmtree(staging)
    staging.mkdir(parents=True)
    with tarfile.open(archive_path, "r:*") as tar:
        manifest = read_manifest(tar)
        if str(manifest["workspace"]) != workspace_id:
            raise RestoreError("archive belongs to a different workspace")
        members = checked_members(tar, staging)
        if dry_run:
            return [member.name for member in members]
        tar.extractall(staging, members=members)
    live = WORKSPACES / workspace_id
    if live.exists():
        shutil.rmtree(live)
    staging.rename(live)
    return sorted(str(p.relative_to(live)) for p in live.rglob("*"))


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("archive", help="file name inside the restore inbox")
    parser.add_argument("--workspace", required=True)
    parser.add_argument("--dry-run", action="store_true")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
    if not args.workspace.isdigit():
        parser.error("workspace id must be numeric")
    archive_path = INBOX / pathlib.Path(args.archive).name
    try:
        files = restore(archive_path, args.workspace, dry_run=args.dry_run)
    except (RestoreError, tarfile.TarError, ValueError) as exc:
        log.error("restore of %r failed: %r", args.archive, exc)
        return 1
    log.info("restored %d entries into workspace %s", len(files), args.workspace)
    return 0


if __name__ == "__main__":
    sys.exit(main())
