"""Nightly grade-export job driven by export requests submitted from the parent portal."""
import json
import logging
import os
import re
import shutil
import subprocess
import tempfile

import click

log = logging.getLogger("schooladmin.export")

EXPORT_ROOT = os.environ.get("GRADE_EXPORT_ROOT", "/srv/exports/grades")
PG_DATABASE = os.environ.get("SIS_DATABASE", "sis")
EXPORT_SQL = "/opt/sis/sql/export_grades.sql"
SCHOOL_CODE_RE = re.compile(r"^[A-Z]{2}[0-9]{3,5}$")
TERM_RE = re.compile(r"^20[0-9]{2}-(T1|T2|T3)$")


def load_requests(path):
    with open(path, "r", encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            line = line.strip()
            if not line:
                continue
            try:
                yield json.loads(line)
            except json.JSONDecodeError:
                log.warning("skipping malformed request on line %d", lineno)


def build_export_command(school_code, term, out_path):
    return [
        "psql", "--no-psqlrc", "-d", PG_DATABASE, "-v", "school=" + school_code,
        "-v", "term=" + term, "-o", out_path, "-f", EXPORT_SQL,
    ]


def export_one(req):
    school_code = req.get("school_code", "")
    term = req.get("term", "")
    if not SCHOOL_CODE_RE.fullmatch(school_code) or not TERM_RE.fullmatch(term):
        raise ValueError("invalid school code or term")
    fd, tmp_path = tempfile.mkstemp(suffix=".csv", prefix="grades-")
    os.close(fd)
    cmd = build_export_command(school_code, term, tmp_path)
    log.info("exporting grades school=%r term=%r", school_code, term)
    subprocess.run(cmd, shell=False, check=True, timeout=600)
    dest_dir = os.path.join(EXPORT_ROOT, "pending")
    os.makedirs(dest_dir, exist_ok=True)
    dest = os.path.join(dest_dir, "%s.csv" % req["request_id"])
    shutil.move(tmp_path, dest)
    return dest


@click.command()
@click.argument("requests_file", type=click.Path(exists=True, dir_okay=False))
@click.option("--dry-run", is_flag=True, help="Only list the requests.")
def main(requests_file, dry_run):
    """Export grade sheets for each queued request in REQUESTS_FILE."""
    logging.basicConfig(level=logging.INFO)
    done = failed = 0
    for req in load_requests(requests_file):
        if not str(req.get("request_id", "")).isdigit():
            log.warning("request without numeric id skipped")
            continue
        if dry_run:
            click.echo("would export request %s" % req["request_id"])
            continue
        try:
            export_one(req)
            done += 1
        except (subprocess.CalledProcessError, subprocess.TimeoutExpired, OSError, ValueError):
            log.exception("export failed for request %s", req["request_id"])
            failed += 1
    click.echo("exports done=%d failed=%d" % (done, failed))


if __name__ == "__main__":
    main()
