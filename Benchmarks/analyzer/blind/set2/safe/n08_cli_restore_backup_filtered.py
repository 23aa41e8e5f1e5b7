#!/usr/bin/env python3
import argparse
import pathlib
import tarfile


def restore(archive, target):
    target.mkdir(parents=True, exist_ok=True)
    with tarfile.open(archive, "r:*") as tar:
        names = tar.getnames()
        print(f"restoring {len(names)} entries into {target}")
        tar.extractall(path=target, filter="data")
    return len(names)


def main():
    parser = argparse.ArgumentParser(description="Restore a site backup uploaded by a customer")
    parser.add_argument("archive", type=pathlib.Path)
    parser.add_argument("--dest", type=pathlib.Path, default=pathlib.Path("/var/www/site"))
    args = parser.parse_args()
    restore(args.archive, args.dest)


if __name__ == "__main__":
    main()
