"""Celery worker that unpacks student assignment submissions for autograding.

Students upload a .tar.gz of their project through the course site; the
archive is stored in SUBMISSION_STORE and a task is queued with its id.
"""
import logging
import os
import shutil
import subprocess
import tarfile

from celery import Celery

log = logging.getLogger("autograder.unpack")

celery_app = Celery("autograder", broker=os.environ.get("CELERY_BROKER", "redis://localhost:6379/4"))

SUBMISSION_STORE = os.environ.get("SUBMISSION_STORE", "/srv/autograder/submissions")
WORK_ROOT = os.environ.get("AUTOGRADER_WORK", "/srv/autograder/work")
GRADER_BIN = "/opt/autograder/bin/run-tests"
MAX_MEMBERS = 2000
MAX_UNPACKED = 200 * 1024 * 1024


class SubmissionRejected(Exception):
    pass


def _check_sizes(members) -> None:
    if len(members) > MAX_MEMBERS:
        raise SubmissionRejected("too many files in archive")
    if sum(m.size for m in members) > MAX_UNPACKED:
        raise SubmissionRejected("archive expands beyond the size limit")


def unpack_submission(archive_path: str, workdir: str) -> int:
    with tarfile.open(archive_path, "r:*") as tar:
        members = tar.getmembers()
        _check_sizes(members)
        tar.extractall(workdir)  # VULN flow
    return len(members)


def run_grader(workdir: str, assignment: str) -> dict:
    result = subprocess.run(
        [GRADER_BIN, "--assignment", assignment, "--project", workdir],
        capture_output=True, text=True, timeout=600,
    )
    return {"returncode": result.returncode, "report": result.stdout[-20000:]}


@celery_app.task(bind=True, max_retries=2)
def grade_submission(self, submission_id: int, assignment: str) -> dict:
    archive_path = os.path.join(SUBMISSION_STORE, f"{int(submission_id)}.tar.gz")
    workdir = os.path.join(WORK_ROOT, str(int(submission_id)))
    os.makedirs(workdir, exist_ok=True)
    try:
        count = unpack_submission(archive_path, workdir)
        log.info("submission %d unpacked (%d entries)", submission_id, count)
        return run_grader(workdir, assignment)
    except (SubmissionRejected, tarfile.TarError) as exc:
        log.warning("submission %d rejected: %r", submission_id, str(exc))
        return {"returncode": -1, "report": f"Submission rejected: {exc}"}
    except subprocess.TimeoutExpired:
        return {"returncode": -2, "report": "Grading timed out"}
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
