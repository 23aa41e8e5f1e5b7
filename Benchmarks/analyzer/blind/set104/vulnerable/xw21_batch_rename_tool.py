"""Embed catalogue metadata into delivered image files with exiftool.

Driven by the digitisation vendor's delivery manifest (CSV with one row per
image: filename, object_number, title, creator, rights).
"""
import csv
import logging
import os

import click

log = logging.getLogger("embed-metadata")

FIELD_MAP = {
    "object_number": "XMP-dc:Identifier",
    "title": "XMP-dc:Title",
    "creator": "XMP-dc:Creator",
    "rights": "XMP-dc:Rights",
}


def build_tag_args(row: dict) -> str:
    args = []
    for column, tag in FIELD_MAP.items():
        value = (row.get(column) or "").strip()
        if value:
            args.append(f'-{tag}="{value}"')
    return " ".join(args)


def read_manifest(path: str) -> list:
    with open(path, newline="", encoding="utf-8-sig") as fh:
        rows = list(csv.DictReader(fh))
    missing = {"filename", "object_number"} - set(rows[0].keys() if rows else ())
    if missing:
        raise click.ClickException(f"manifest lacks columns: {', '.join(sorted(missing))}")
    return rows


@click.command()
@click.argument("manifest", type=click.Path(exists=True, dir_okay=False))
@click.option("--image-dir", type=click.Path(exists=True, file_okay=False), required=True)
@click.option("--dry-run", is_flag=True, help="print the commands instead of running them")
def embed(manifest: str, image_dir: str, dry_run: bool) -> None:
    """Write Dublin Core XMP tags into each delivered image."""
    logging.basicConfig(level=logging.INFO)
    ok = failed = skipped = 0
    for row in read_manifest(manifest):
        image = os.path.join(image_dir, os.path.basename(row["filename"]))
        if not os.path.isfile(image):
            log.warning("missing image %r", row["filename"])
            skipped += 1
            continue
        cmd = f'exiftool -q -overwrite_original {build_tag_args(row)} "{image}"'
        if dry_run:
            click.echo(cmd)
            continue
        status = os.system(cmd)  # VULN flow
        if status == 0:
            ok += 1
        else:
            failed += 1
            log.error("exiftool failed (%d) on %r", status, image)
    click.echo(f"tagged {ok}, failed {failed}, skipped {skipped}")


if __name__ == "__main__":
    embed()
