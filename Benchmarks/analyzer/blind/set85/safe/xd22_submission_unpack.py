"""Unpack student project submissions before the autograder runs.

    unpack-submissions --assignment hw3 /srv/grader/incoming/hw3/*.zip
"""
import logging
import os
import shutil
import zipfile
from pathlib import Path

import click

log = logging.getLogger("grader.unpack")

GRADING_ROOT = os.environ.get("GRADING_ROOT", "/srv/grader/work")
MAX_MEMBER_BYTES = 20 * 1024 * 1024
MAX_MEMBERS = 500


class SubmissionRejected(Exception):
    pass


def workspace_for(assignment: str, archive: Path) -> str:
    # archives are named "<student_id>.zip" by the upload service
    dest = os.path.join(GRADING_ROOT, assignment, archive.stem)
    shutil.rmtree(dest, ignore_errors=True)
    os.makedirs(dest)
    return dest


def extract_submission(archive: Path, dest: str) -> list[str]:
    written = []
    root = os.path.realpath(dest)
    with zipfile.ZipFile(archive) as zf:
        members = zf.infolist()
        if len(members) > MAX_MEMBERS:
            raise SubmissionRejected("too many files")
        for info in members:
            if info.is_dir() or info.filename.startswith("__MACOSX/"):
                continue
            if info.file_size > MAX_MEMBER_BYTES:
                raise SubmissionRejected(f"{info.filename!r} is too large")
            target = os.path.realpath(os.path.join(root, info.filename))
            if os.path.commonpath([root, target]) != root:
                raise SubmissionRejected(f"{info.filename!r} escapes the workspace")
            os.makedirs(os.path.dirname(target), exist_ok=True)
            with zf.open(info) as src, open(target, "wb") as out:
                shutil.copyfileobj(src, out)
            written.append(info.filename)
    return written


@click.command()
@click.option("--assignment", required=True)
@click.argument("archives", nargs=-1, type=click.Path(exists=True, dir_okay=False, path_type=Path))
def main(assignment: str, archives: tuple[Path, ...]) -> None:
    logging.basicConfig(level=logging.INFO)
    ok = failed = 0
    for archive in archives:
        dest = workspace_for(assignment, archive)
        try:
            files = extract_submission(archive, dest)
        except (zipfile.BadZipFile, SubmissionRejected) as exc:
            log.warning("rejected %s: %s", archive.name, exc)
            failed += 1
            continue
        log.info("%s: %d files", archive.name, len(files))
        ok += 1
    click.echo(f"unpacked {ok}, rejected {failed}")


if __name__ == "__main__":
    main()
