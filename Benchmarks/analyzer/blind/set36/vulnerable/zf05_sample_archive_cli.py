"""Unpacks sequencing-run archives delivered by partner labs into the LIMS staging area."""
import hashlib
import logging
import os
import re
import tarfile
from pathlib import Path

import click

STAGING_ROOT = Path(os.environ.get("LIMS_STAGING_ROOT", "/srv/lims/staging"))
RUN_ID_PATTERN = re.compile(r"^RUN-\d{4}-\d{4}$")
log = logging.getLogger("sample_archive")


def sha256sum(path, chunk_size=1 << 20):
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(chunk_size), b""):
            digest.update(chunk)
    return digest.hexdigest()


def staging_dir(run_id):
    if not RUN_ID_PATTERN.match(run_id):
        raise click.BadParameter("run id must look like RUN-2024-0412", param_hint="--run-id")
    return STAGING_ROOT / run_id


@click.group()
@click.option("--verbose", is_flag=True, help="Enable debug logging.")
def cli(verbose):
    logging.basicConfig(level=logging.DEBUG if verbose else logging.INFO)


@cli.command("list")
@click.argument("archive", type=click.Path(exists=True, dir_okay=False, path_type=Path))
def list_contents(archive):
    """Show the members of ARCHIVE without extracting."""
    with tarfile.open(archive, "r:*") as bundle:
        for member in bundle.getmembers():
            click.echo(f"{member.size:>12}  {member.name}")


@cli.command()
@click.argument("archive", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--run-id", required=True, help="Sequencing run identifier, e.g. RUN-2024-0412")
@click.option("--checksum", help="Expected SHA-256 of the archive.")
def unpack(archive, run_id, checksum):
    """Verify and extract ARCHIVE into the staging area for RUN_ID."""
    destination = staging_dir(run_id)
    if checksum and sha256sum(archive) != checksum.lower():
        raise click.ClickException("checksum mismatch, refusing to unpack")

    destination.mkdir(parents=True, exist_ok=True)
    with tarfile.open(archive, "r:*") as bundle:
        count = len(bundle.getmembers())
        bundle.extractall(destination)  # VULN
    log.info("unpacked %d entries for run %r", count, run_id)
    click.echo(f"extracted {count} entries into {destination}")


if __name__ == "__main__":
    cli()
