#!/usr/bin/env python3
"""Restore a customer-uploaded site archive into the customer's hosting directory."""
import argparse
import json
import os
import shutil
import sys
import tarfile

HOSTING_ROOT = "/srv/hosting"


def read_manifest(tar):
    member = tar.getmember("MANIFEST.json")
    fh = tar.extractfile(member)
    return json.loads(fh.read(64 * 1024).decode("utf-8"))


def safe_destination(target, member_name):
    root = os.path.realpath(target)
    dest = os.path.realpath(os.path.join(root, member_name))
    if os.path.commonpath([root, dest]) != root or dest == root:
        return None
    return dest


def restore(archive_path, target, dry_run=False):
    restored = 0
    with tarfile.open(archive_path, "r:gz") as tar:
        manifest = read_manifest(tar)
        print(f"archive created {manifest.get('created')} for site {manifest.get('site')}")
        for member in tar.getmembers():
            if not member.isfile() or member.name == "MANIFEST.json":
                continue
            dest = safe_destination(target, member.name)
            if dest is None:
                print("skipping entry outside site root:", repr(member.name), file=sys.stderr)
                continue
            if dry_run:
                print("would restore", dest)
                continue
            os.makedirs(os.path.dirname(dest), exist_ok=True)
            src = tar.extractfile(member)
            with open(dest, "wb") as out:
                shutil.copyfileobj(src, out)
            restored += 1
    return restored


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("customer", help="customer account id")
    parser.add_argument("archive", help="path to the uploaded .tar.gz")
    parser.add_argument("--dry-run", action="store_true")
    args = parser.parse_args(argv)

    if not args.customer.isalnum():
        parser.error("invalid customer id")
    target = os.path.join(HOSTING_ROOT, args.customer, "htdocs")
    if not os.path.isdir(target):
        print("no such customer", file=sys.stderr)
        return 1
    count = restore(args.archive, target, args.dry_run)
    print(f"restored {count} files into {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
