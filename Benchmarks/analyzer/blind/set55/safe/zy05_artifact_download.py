"""Serve run artifacts (plots, metric dumps, model files) to the experiment UI."""
import os
import re

from starlette.applications import Starlette
from starlette.responses import FileResponse, JSONResponse
from starlette.routing import Route

ARTIFACT_ROOT = os.environ.get("ARTIFACT_ROOT", "/mnt/experiments/artifacts")
ID_RE = re.compile(r"[0-9a-f]{6,40}")


def _artifact_dir(experiment_id: str, run_id: str) -> str:
    if not (ID_RE.fullmatch(experiment_id) and ID_RE.fullmatch(run_id)):
        raise ValueError("malformed id")
    return os.path.join(ARTIFACT_ROOT, experiment_id, run_id, "artifacts")


def _resolve_inside(base: str, rel: str) -> str:
    root = os.path.realpath(base)
    candidate = os.path.realpath(os.path.join(root, rel))
    if os.path.commonpath([root, candidate]) != root:
        raise ValueError("path escapes artifact directory")
    return candidate


async def list_artifacts(request):
    try:
        base = _artifact_dir(request.path_params["experiment_id"], request.path_params["run_id"])
    except ValueError:
        return JSONResponse({"error": "malformed id"}, status_code=400)
    if not os.path.isdir(base):
        return JSONResponse({"error": "run not found"}, status_code=404)

    entries = []
    for dirpath, _dirs, files in os.walk(base):
        for name in files:
            full = os.path.join(dirpath, name)
            entries.append({"path": os.path.relpath(full, base), "size": os.path.getsize(full)})
    return JSONResponse({"artifacts": sorted(entries, key=lambda e: e["path"])})


async def get_artifact(request):
    try:
        base = _artifact_dir(request.path_params["experiment_id"], request.path_params["run_id"])
        rel = request.query_params.get("path", "")
        target = _resolve_inside(base, rel)
    except ValueError:
        return JSONResponse({"error": "bad artifact path"}, status_code=400)
    if not os.path.isfile(target):
        return JSONResponse({"error": "artifact not found"}, status_code=404)

    media_type = "text/plain" if target.endswith((".txt", ".log", ".json")) else None
    return FileResponse(target, media_type=media_type, filename=os.path.basename(target))


routes = [
    Route("/api/experiments/{experiment_id}/runs/{run_id}/artifacts", list_artifacts),
    Route("/api/experiments/{experiment_id}/runs/{run_id}/artifact", get_artifact),
]

app = Starlette(routes=routes)
