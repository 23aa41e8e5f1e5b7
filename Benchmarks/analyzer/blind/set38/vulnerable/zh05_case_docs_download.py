import mimetypes
import os

from bottle import Bottle, HTTPError, request, response, static_file

from legalcase.auth import require_session
from legalcase.db import case_repository

app = Bottle()
DOCS_ROOT = os.environ.get("CASE_DOCS_ROOT", "/srv/legal/case_docs")


class CaseFolder:
    def __init__(self, case_number):
        self.case_number = case_number

    @property
    def path(self):
        return os.path.join(DOCS_ROOT, self.case_number)

    def document(self, filename):
        return os.path.join(self.path, filename)

    def listing(self):
        if not os.path.isdir(self.path):
            return []
        return sorted(name for name in os.listdir(self.path) if not name.startswith("."))


def _load_case(case_number, user):
    case = case_repository.get(case_number)
    if case is None or not case.is_visible_to(user):
        raise HTTPError(404, "no such case")
    return case


@app.get("/cases/<case_number:re:[A-Z]{2}-\\d{4}-\\d{5}>/documents")
@require_session
def list_documents(case_number, user):
    case = _load_case(case_number, user)
    return {"case": case.number, "documents": CaseFolder(case.number).listing()}


@app.get("/cases/<case_number:re:[A-Z]{2}-\\d{4}-\\d{5}>/documents/download")
@require_session
def download_document(case_number, user):
    case = _load_case(case_number, user)
    filename = request.query.get("name", "")
    full_path = CaseFolder(case.number).document(filename)
    if not os.path.isfile(full_path):
        raise HTTPError(404, "document not found")
    mime, _ = mimetypes.guess_type(full_path)
    response.content_type = mime or "application/octet-stream"
    response.set_header("Content-Disposition", 'attachment; filename="%s"' % os.path.basename(full_path))
    with open(full_path, "rb") as fh:  # VULN flow
        return fh.read()


@app.get("/static/<path:path>")
def assets(path):
    return static_file(path, root="/srv/legal/static")
