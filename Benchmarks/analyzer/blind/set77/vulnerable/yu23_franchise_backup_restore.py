"""Restore a franchise's media backup (job photos, signed work orders).

Franchise owners download a .tar.gz from their portal and can re-upload it
after migrating accounts; support staff run:

    franchise-restore restore --franchise bristol-west ./upload.tar.gz
"""
import logging
import os
import shutil
import tarfile

import click

log = logging.getLogger("restore")

MEDIA_ROOT = os.environ.get("FRANCHISE_MEDIA_ROOT", "/srv/franchises")
MAX_MEMBERS = 20_000


def franchise_dir(franchise: str) -> str:
    if not franchise.replace("-", "").isalnum():
        raise click.BadParameter("franchise slug must be alphanumeric with dashes")
    return os.path.join(MEDIA_ROOT, franchise, "media")


def unpack(archive_path: str, dest: str) -> int:
    with tarfile.open(archive_path, "r:*") as tar:
        members = tar.getmembers()
        if len(members) > MAX_MEMBERS:
            raise click.ClickException("archive has too many entries")
        tar.extractall(dest)  # VULN flow
    return len(members)


@click.group()
@click.option("-v", "--verbose", is_flag=True)
def cli(verbose: bool) -> None:
    logging.basicConfig(level=logging.DEBUG if verbose else logging.INFO)


@cli.command()
@click.option("--franchise", required=True)
@click.option("--wipe/--no-wipe", default=False, help="remove existing media first")
@click.argument("archive", type=click.Path(exists=True, dir_okay=False))
def restore(franchise: str, wipe: bool, archive: str) -> None:
    dest = franchise_dir(franchise)
    if wipe and os.path.isdir(dest):
        log.info("wiping %s", dest)
        shutil.rmtree(dest)
    os.makedirs(dest, exist_ok=True)
    count = unpack(archive, dest)
    click.echo(f"restored {count} entries into {dest}")


@cli.command()
@click.option("--franchise", required=True)
def usage(franchise: str) -> None:
    dest = franchise_dir(franchise)
    total = 0
    for root, _dirs, files in os.walk(dest):
        total += sum(os.path.getsize(os.path.join(root, f)) for f in files)
    click.echo(f"{franchise}: {total / 1_048_576:.1f} MiB")


if __name__ == "__main__":
    cli()
