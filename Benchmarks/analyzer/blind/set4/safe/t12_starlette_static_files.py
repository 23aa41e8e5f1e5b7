from pathlib import Path

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.responses import FileResponse
from starlette.routing import Route

DOCS_ROOT = Path("/srv/site/docs").resolve()


def resolve_doc(relative: str) -> Path:
    candidate = (DOCS_ROOT / relative).resolve()
    if not candidate.is_relative_to(DOCS_ROOT) or not candidate.is_file():
        raise HTTPException(status_code=404)
    return candidate


async def serve_doc(request):
    path = resolve_doc(request.path_params["path"])
    return FileResponse(path)


app = Starlette(routes=[Route("/docs/{path:path}", serve_doc)])
