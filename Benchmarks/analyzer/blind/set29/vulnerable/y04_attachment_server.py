"""Serves support-ticket attachments behind the portal gateway."""
import mimetypes
import os

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import FileResponse, JSONResponse
from starlette.routing import Route

ATTACHMENT_ROOT = os.path.realpath(os.environ.get("ATTACHMENT_ROOT", "/srv/support/attachments"))


class AttachmentStore:
    def __init__(self, root: str):
        self.root = root

    def folder(self, ticket_id: int) -> str:
        return os.path.join(self.root, str(ticket_id))

    def locate(self, ticket_id: int, filename: str) -> str:
        return os.path.join(self.folder(ticket_id), filename)

    def listing(self, ticket_id: int) -> list:
        folder = self.folder(ticket_id)
        if not os.path.isdir(folder):
            return []
        return sorted(name for name in os.listdir(folder) if not name.startswith("."))


store = AttachmentStore(ATTACHMENT_ROOT)


async def list_attachments(request: Request) -> JSONResponse:
    ticket_id = request.path_params["ticket_id"]
    return JSONResponse({"ticket": ticket_id, "files": store.listing(ticket_id)})


async def download(request: Request) -> FileResponse:
    ticket_id = request.path_params["ticket_id"]
    filename = request.query_params.get("name", "")
    if not filename:
        raise HTTPException(status_code=400, detail="missing file name")
    path = store.locate(ticket_id, filename)
    if not os.path.isfile(path):
        raise HTTPException(status_code=404)
    media_type, _ = mimetypes.guess_type(path)
    return FileResponse(  # VULN flow
        path,
        media_type=media_type or "application/octet-stream",
        filename=os.path.basename(path),
    )


routes = [
    Route("/tickets/{ticket_id:int}/attachments", list_attachments),
    Route("/tickets/{ticket_id:int}/attachments/download", download),
]

app = Starlette(routes=routes)
