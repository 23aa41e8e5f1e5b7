"""Celery tasks that unpack student code submissions for the autograder."""
import logging
import os
import shutil
import zipfile

from celery import shared_task

log = logging.getLogger("autograder.unpack")

SUBMISSIONS_ROOT = os.environ.get("SUBMISSIONS_ROOT", "/srv/autograder/submissions")
MAX_MEMBERS = 2000
MAX_TOTAL_BYTES = 100 * 1024 * 1024
SKIP_PREFIXES = ("__MACOSX/", ".git/")


class SubmissionWorkspace:
    def __init__(self, course: str, assignment: str, submission_id: int):
        self.root = os.path.join(SUBMISSIONS_ROOT, course, assignment, str(submission_id))

    def reset(self) -> None:
        shutil.rmtree(self.root, ignore_errors=True)
        os.makedirs(self.root, exist_ok=True)

    def target_for(self, member_name: str) -> str:
        return os.path.join(self.root, member_name)


def check_archive(zf: zipfile.ZipFile) -> None:
    infos = zf.infolist()
    if len(infos) > MAX_MEMBERS:
        raise ValueError("too many files in archive")
    if sum(i.file_size for i in infos) > MAX_TOTAL_BYTES:
        raise ValueError("archive too large when extracted")


def extract_members(zf: zipfile.ZipFile, workspace: SubmissionWorkspace) -> list:
    written = []
    for info in zf.infolist():
        if info.is_dir() or info.filename.startswith(SKIP_PREFIXES):
            continue
        dest = workspace.target_for(info.filename)
        os.makedirs(os.path.dirname(dest), exist_ok=True)
        with zf.open(info) as src, open(dest, "wb") as out:  # VULN flow
            shutil.copyfileobj(src, out)
        written.append(info.filename)
    return written


@shared_task(bind=True, max_retries=2)
def unpack_submission(self, course: str, assignment: str, submission_id: int, archive_path: str):
    workspace = SubmissionWorkspace(course, assignment, submission_id)
    workspace.reset()
    try:
        with zipfile.ZipFile(archive_path) as zf:
            check_archive(zf)
            files = extract_members(zf, workspace)
    except (zipfile.BadZipFile, ValueError) as exc:
        log.warning("submission %s rejected: %s", submission_id, exc)
        return {"ok": False, "error": str(exc)}
    log.info("submission %s unpacked: %d files", submission_id, len(files))
    from autograder.tasks import run_tests
    run_tests.delay(course, assignment, submission_id)
    return {"ok": True, "files": files}
