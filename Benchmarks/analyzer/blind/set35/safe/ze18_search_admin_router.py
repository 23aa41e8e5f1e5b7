"""Administrative maintenance endpoints for the search cluster."""
import logging

from fastapi import APIRouter, Depends, HTTPException
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field

from .search import SearchService, get_search_service
from .security import User, current_user

log = logging.getLogger(__name__)
router = APIRouter(prefix="/admin", tags=["admin"])

INDEX_PATTERN = r"^[a-z0-9_-]{1,64}$"


class ReindexRequest(BaseModel):
    index: str = Field(pattern=INDEX_PATTERN)
    full: bool = False


class PurgeRequest(BaseModel):
    index: str = Field(pattern=INDEX_PATTERN)
    older_than_days: int = Field(ge=1, le=3650)


def require_admin(user: User = Depends(current_user)) -> User:
    if not user.is_admin:
        raise HTTPException(status_code=403, detail="administrator role required")
    return user


@router.post("/reindex")
def reindex(
    req: ReindexRequest,
    admin: User = Depends(require_admin),
    search: SearchService = Depends(get_search_service),
):
    try:
        task_id = search.reindex(req.index, full=req.full, requested_by=admin.username)
    except Exception:
        log.exception("reindex of %r failed", req.index)
        return JSONResponse(status_code=500, content={"error": "reindex failed"})
    log.info("reindex of %r queued by %r as %r", req.index, admin.username, task_id)
    return {"task": task_id, "index": req.index}


@router.post("/purge")
def purge(
    req: PurgeRequest,
    admin: User = Depends(require_admin),
    search: SearchService = Depends(get_search_service),
):
    try:
        removed = search.purge(req.index, older_than_days=req.older_than_days)
    except Exception:
        log.exception("purge of %r failed", req.index)
        return JSONResponse(status_code=500, content={"error": "purge failed"})
    return {"index": req.index, "removed": removed}


@router.get("/health")
def health(
    admin: User = Depends(require_admin),
    search: SearchService = Depends(get_search_service),
):
    return {"cluster": search.cluster_status()}
