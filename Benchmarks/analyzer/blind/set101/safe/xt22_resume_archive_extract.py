#!/usr/bin/env python3
"""Ingest bulk resume batches uploaded by staffing agencies.

Agencies upload a .zip of resumes through the partner portal; the portal
drops it into INBOX/<agency_id>/. This job unpacks each batch into a staging
area and queues the resumes for parsing."""
import logging
import os
import shutil
import zipfile

import click

from ats.queue import enqueue_parse

log = logging.getLogger("agency.ingest")

RESUME_EXT = (".pdf", ".doc", ".docx", ".rtf", ".txt")
MAX_MEMBERS = 500


def staging_dir(root: str, agency_id: str, batch_name: str) -> str:
    path = os.path.join(root, agency_id, os.path.splitext(batch_name)[0])
    os.makedirs(path, exist_ok=True)
    return path


def unpack_batch(archive_path: str, dest: str) -> list:
    written = []
    base = os.path.realpath(dest)
    with zipfile.ZipFile(archive_path) as zf:
        members = [m for m in zf.infolist() if not m.is_dir()]
        if len(members) > MAX_MEMBERS:
            raise click.ClickException(f"{archive_path}: too many files ({len(members)})")
        for info in members:
            if not info.filename.lower().endswith(RESUME_EXT):
                log.debug("skipping non-resume member")
                continue
            target = os.path.realpath(os.path.join(base, info.filename))
            if os.path.commonpath([base, target]) != base:
                log.warning("skipping member outside staging dir: %r", info.filename)
                continue
            os.makedirs(os.path.dirname(target), exist_ok=True)
            with zf.open(info) as src, open(target, "wb") as out:
                shutil.copyfileobj(src, out)
            written.append(target)
    return written


@click.command()
@click.option("--inbox", default="/srv/partner-portal/inbox", show_default=True)
@click.option("--staging", default="/srv/ats/staging", show_default=True)
@click.option("--archive-dir", default="/srv/partner-portal/processed", show_default=True)
@click.option("--dry-run", is_flag=True)
def ingest(inbox: str, staging: str, archive_dir: str, dry_run: bool) -> None:
    """Unpack every pending agency batch and queue its resumes."""
    logging.basicConfig(level=logging.INFO)
    for agency_id in sorted(os.listdir(inbox)):
        agency_inbox = os.path.join(inbox, agency_id)
        for batch in sorted(os.listdir(agency_inbox)):
            if not batch.endswith(".zip"):
                continue
            batch_path = os.path.join(agency_inbox, batch)
            dest = staging_dir(staging, agency_id, batch)
            if dry_run:
                click.echo(f"would unpack {batch_path} -> {dest}")
                continue
            try:
                files = unpack_batch(batch_path, dest)
            except zipfile.BadZipFile:
                log.warning("agency %s uploaded a corrupt batch", agency_id)
                continue
            for path in files:
                enqueue_parse(path, agency_id=agency_id)
            os.makedirs(os.path.join(archive_dir, agency_id), exist_ok=True)
            shutil.move(batch_path, os.path.join(archive_dir, agency_id, batch))
            click.echo(f"{agency_id}: queued {len(files)} resumes from {batch}")


if __name__ == "__main__":
    ingest()
