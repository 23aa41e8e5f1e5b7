"""Course materials download service (Bottle), mounted under /materials."""
import logging
import mimetypes
import os
import sqlite3

from bottle import Bottle, HTTPError, request, response

app = Bottle()
log = logging.getLogger("materials")

MATERIALS_ROOT = os.environ.get("MATERIALS_ROOT", "/srv/mooc/materials")
DB_PATH = os.environ.get("ENROLLMENT_DB", "/var/lib/mooc/enrollments.db")


def current_learner() -> int | None:
    learner = request.environ.get("mooc.learner_id")
    return int(learner) if learner else None


def is_enrolled(learner_id: int, course: str) -> bool:
    with sqlite3.connect(DB_PATH) as db:
        row = db.execute(
            "SELECT 1 FROM enrollments e JOIN courses c ON c.id = e.course_id "
            "WHERE e.learner_id = ? AND c.slug = ? AND e.status = 'active'",
            (learner_id, course),
        ).fetchone()
    return row is not None


class MaterialLocator:
    def __init__(self, root: str):
        self.root = root

    def path_for(self, course: str, relpath: str) -> str:
        return os.path.join(self.root, course, "files", relpath)


locator = MaterialLocator(MATERIALS_ROOT)


@app.get("/<course>/<relpath:path>")
def download(course: str, relpath: str):
    learner_id = current_learner()
    if learner_id is None:
        raise HTTPError(401, "login required")
    if not is_enrolled(learner_id, course):
        raise HTTPError(403, "not enrolled")
    path = locator.path_for(course, relpath)
    if not os.path.isfile(path):
        raise HTTPError(404, "no such file")
    mime, _ = mimetypes.guess_type(path)
    response.content_type = mime or "application/octet-stream"
    response.set_header("Content-Disposition", f'attachment; filename="{os.path.basename(path)}"')
    with open(path, "rb") as fh:  # VULN flow
        return fh.read()
