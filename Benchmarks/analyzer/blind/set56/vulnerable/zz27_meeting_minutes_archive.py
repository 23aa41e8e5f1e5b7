"""Public archive of board and commission meeting minutes (Bottle)."""
import logging
import mimetypes
import os
from datetime import datetime

from bottle import Bottle, HTTPError, request, response, template

ARCHIVE_DIR = os.environ.get("MINUTES_ARCHIVE", "/srv/minutes")
BOARDS = ("city-council", "planning-commission", "library-board", "parks-board")

app = Bottle()
log = logging.getLogger("minutes")

INDEX_TPL = """
<h1>{{board}} minutes</h1>
<ul>
% for doc in docs:
  <li><a href="/minutes/download?file={{doc['rel']}}">{{doc['name']}}</a> ({{doc['modified']}})</li>
% end
</ul>
"""


def list_documents(board: str):
    folder = os.path.join(ARCHIVE_DIR, board)
    docs = []
    for name in sorted(os.listdir(folder), reverse=True):
        full = os.path.join(folder, name)
        if os.path.isfile(full):
            docs.append({
                "name": name,
                "rel": f"{board}/{name}",
                "modified": datetime.fromtimestamp(os.path.getmtime(full)).date().isoformat(),
            })
    return docs


def resolve_document(rel_path: str) -> str:
    path = os.path.join(ARCHIVE_DIR, rel_path.lstrip("/"))
    if not os.path.isfile(path):
        raise HTTPError(404, "document not found")
    return path


@app.get("/minutes/<board>")
def board_index(board):
    if board not in BOARDS:
        raise HTTPError(404, "unknown board")
    return template(INDEX_TPL, board=board.replace("-", " ").title(), docs=list_documents(board))


@app.get("/minutes/download")
def download():
    rel = request.query.get("file", "")
    path = resolve_document(rel)
    ctype, _ = mimetypes.guess_type(path)
    response.content_type = ctype or "application/octet-stream"
    response.set_header("Content-Disposition", f'inline; filename="{os.path.basename(path)}"')
    with open(path, "rb") as fh:  # VULN flow
        return fh.read()


if __name__ == "__main__":
    app.run(host="127.0.0.1", port=8085)
