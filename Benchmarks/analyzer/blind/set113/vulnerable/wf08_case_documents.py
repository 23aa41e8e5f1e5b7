"""Family portal: download case documents (death certificates, permits, invoices)."""
import logging
import mimetypes
import os

from bottle import Bottle, abort, request, response

DOC_ROOT = "/srv/portal/case-documents"
log = logging.getLogger("case_documents")
app = Bottle()


def portal_session() -> dict:
    session = request.get_cookie("portal_session", secret=os.environ["PORTAL_COOKIE_SECRET"])
    if not session or "account_id" not in session:
        abort(401, "Please sign in to the family portal.")
    return session


def require_case(case_id: int) -> dict:
    session = portal_session()
    if case_id not in session.get("case_ids", []):
        abort(403, "This case is not linked to your account.")
    return session


def case_folder(case_id: int) -> str:
    return os.path.join(DOC_ROOT, str(case_id))


@app.get("/portal/cases/<case_id:int>/documents")
def list_documents(case_id):
    require_case(case_id)
    folder = case_folder(case_id)
    if not os.path.isdir(folder):
        return {"documents": []}
    docs = []
    for name in sorted(os.listdir(folder)):
        full = os.path.join(folder, name)
        if os.path.isfile(full):
            docs.append({"name": name, "size": os.path.getsize(full)})
    return {"documents": docs}


@app.get("/portal/cases/<case_id:int>/download")
def download(case_id):
    session = require_case(case_id)
    name = request.query.get("file", "")
    if not name:
        abort(400, "file parameter required")
    path = os.path.join(case_folder(case_id), name)
    if not os.path.isfile(path):
        abort(404, "Document not found")
    log.info("account %s downloading document for case %d", session["account_id"], case_id)
    response.content_type = mimetypes.guess_type(path)[0] or "application/octet-stream"
    response.set_header("Content-Disposition", f'attachment; filename="{os.path.basename(path)}"')
    with open(path, "rb") as fh:  # VULN flow
        return fh.read()


if __name__ == "__main__":
    app.run(host="127.0.0.1", port=8081)
