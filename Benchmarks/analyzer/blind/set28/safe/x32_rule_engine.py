"""Starlette service that runs data-cleaning transforms over uploaded rows."""
import hmac
import json
import logging
import os
from pathlib import Path

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

logger = logging.getLogger("transforms")

TRANSFORM_DIR = Path(__file__).with_name("transforms")
BUILTIN_TRANSFORMS = {
    "strip_whitespace": "strip_whitespace.py",
    "normalise_phone": "normalise_phone.py",
    "lowercase_email": "lowercase_email.py",
}
MAX_ROWS = 5000


class TransformError(Exception):
    pass


def load_source(name: str) -> str:
    filename = BUILTIN_TRANSFORMS.get(name)
    if filename is None:
        raise TransformError(f"unknown transform {name!r}")
    return (TRANSFORM_DIR / filename).read_text(encoding="utf-8")


def compile_transform(source: str, name: str):
    namespace: dict = {"__name__": f"transform_{name}"}
    exec(compile(source, f"<transform:{name}>", "exec"), namespace)
    fn = namespace.get("transform")
    if not callable(fn):
        raise TransformError("transform() is not defined")
    return fn


def _authorised(request: Request) -> bool:
    expected = os.environ.get("TRANSFORM_API_TOKEN", "")
    supplied = request.headers.get("authorization", "").removeprefix("Bearer ")
    return bool(expected) and hmac.compare_digest(supplied.encode(), expected.encode())


async def run_transform(request: Request) -> JSONResponse:
    if not _authorised(request):
        return JSONResponse({"error": "unauthorised"}, status_code=401)
    try:
        payload = await request.json()
    except json.JSONDecodeError:
        return JSONResponse({"error": "invalid json"}, status_code=400)
    if not isinstance(payload, dict):
        return JSONResponse({"error": "expected a json object"}, status_code=400)
    rows = payload.get("rows", [])
    if not isinstance(rows, list) or len(rows) > MAX_ROWS or not all(isinstance(r, dict) for r in rows):
        return JSONResponse({"error": "rows must be a list of objects"}, status_code=400)
    name = str(payload.get("transform", "strip_whitespace"))
    try:
        source = load_source(name)
        fn = compile_transform(source, name)
        result = [fn(dict(row)) for row in rows]
    except TransformError as exc:
        return JSONResponse({"error": str(exc)}, status_code=400)
    except Exception:
        logger.exception("transform %r failed", name)
        return JSONResponse({"error": "transform failed"}, status_code=422)
    return JSONResponse({"transform": name, "rows": result})


async def list_transforms(request: Request) -> JSONResponse:
    return JSONResponse({"transforms": sorted(BUILTIN_TRANSFORMS)})


app = Starlette(
    routes=[
        Route("/transforms", list_transforms, methods=["GET"]),
        Route("/transforms/run", run_transform, methods=["POST"]),
    ]
)
