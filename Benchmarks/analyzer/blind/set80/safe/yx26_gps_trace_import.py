"""Import GPS trace archives dropped by the bike-share fleet vendor.

The vendor uploads a .tar.gz of GPX tracks per day to the SFTP drop;
this tool unpacks it and converts each track to CSV with gpsbabel.
"""
import logging
import os
import subprocess
import tarfile

import click

log = logging.getLogger("gps_import")

DEFAULT_DEST = os.environ.get("TRACE_WORKDIR", "/var/lib/bikeshare/traces")


def convert_track(src: str, out_dir: str) -> bool:
    stem = os.path.splitext(os.path.basename(src))[0]
    out = os.path.join(out_dir, stem + ".csv")
    cmd = ["gpsbabel", "-i", "gpx", "-f", src, "-o", "unicsv", "-F", out]
    rc = subprocess.run(cmd, check=False).returncode
    if rc != 0:
        log.warning("gpsbabel failed for %r (rc=%s)", stem, rc)
        return False
    return True


def unpack(archive: str, workdir: str) -> None:
    os.makedirs(workdir, exist_ok=True)
    base = os.path.realpath(workdir)
    with tarfile.open(archive, "r:*") as tar:
        members = []
        for member in tar.getmembers():
            target = os.path.realpath(os.path.join(base, member.name))
            if not (member.isfile() or member.isdir()):
                continue
            if os.path.commonpath([base, target]) != base:
                raise click.ClickException(f"archive member escapes workdir: {member.name!r}")
            members.append(member)
        tar.extractall(workdir, members=members)


def find_tracks(workdir: str):
    for root, _dirs, files in os.walk(workdir):
        for name in sorted(files):
            if name.lower().endswith(".gpx"):
                yield os.path.join(root, name)


@click.command()
@click.argument("archive", type=click.Path(exists=True, dir_okay=False))
@click.option("--dest", default=DEFAULT_DEST, show_default=True, type=click.Path(file_okay=False))
@click.option("--keep-gpx/--no-keep-gpx", default=False)
def import_traces(archive, dest, keep_gpx):
    """Unpack ARCHIVE and convert every GPX track inside it."""
    logging.basicConfig(level=logging.INFO)
    batch = os.path.basename(archive).split(".")[0]
    workdir = os.path.join(dest, batch)
    csv_dir = os.path.join(dest, batch + "-csv")
    os.makedirs(csv_dir, exist_ok=True)

    unpack(archive, workdir)
    ok = failed = 0
    for track in find_tracks(workdir):
        if convert_track(track, csv_dir):
            ok += 1
            if not keep_gpx:
                os.remove(track)
        else:
            failed += 1
    click.echo(f"{batch}: {ok} tracks converted, {failed} failed")
    if failed:
        raise SystemExit(1)


if __name__ == "__main__":
    import_traces()
