"""Starlette service that serves forum post attachments."""
import mimetypes
import os

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import FileResponse, JSONResponse
from starlette.routing import Route

ATTACH_ROOT = os.environ.get("FORUM_ATTACH_ROOT", "/srv/forum/attachments")
INLINE_TYPES = {"image/png", "image/jpeg", "image/gif", "image/webp"}


class AttachmentStore:
    def __init__(self, root: str):
        self.root = os.path.realpath(root)

    def post_dir(self, post_id: int) -> str:
        return os.path.join(self.root, str(post_id))

    def resolve(self, post_id: int, name: str) -> str:
        directory = os.path.realpath(self.post_dir(post_id))
        candidate = os.path.realpath(os.path.join(directory, name))
        if os.path.commonpath([directory, candidate]) != directory:
            raise HTTPException(status_code=404)
        return candidate

    def listing(self, post_id: int):
        directory = self.post_dir(post_id)
        if not os.path.isdir(directory):
            return []
        return [
            {"name": n, "size": os.path.getsize(os.path.join(directory, n))}
            for n in sorted(os.listdir(directory))
        ]


store = AttachmentStore(ATTACH_ROOT)


async def list_attachments(request: Request) -> JSONResponse:
    post_id = request.path_params["post_id"]
    return JSONResponse({"post": post_id, "attachments": store.listing(post_id)})


async def download(request: Request) -> FileResponse:
    post_id = request.path_params["post_id"]
    name = request.query_params.get("file", "")
    if not name:
        raise HTTPException(status_code=400, detail="file parameter is required")
    path = store.resolve(post_id, name)
    if not os.path.isfile(path):
        raise HTTPException(status_code=404)
    media_type = mimetypes.guess_type(path)[0] or "application/octet-stream"
    disposition = "inline" if media_type in INLINE_TYPES else "attachment"
    return FileResponse(
        path,
        media_type=media_type,
        filename=os.path.basename(path),
        content_disposition_type=disposition,
    )


app = Starlette(
    routes=[
        Route("/posts/{post_id:int}/attachments", list_attachments),
        Route("/posts/{post_id:int}/attachments/download", download),
    ]
)
