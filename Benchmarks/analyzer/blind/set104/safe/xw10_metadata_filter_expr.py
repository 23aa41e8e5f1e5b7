"""Ad-hoc record filtering for the open-data collections export API.

Clients post a JSON body such as::

    {"where": "r.year < 1900 and r.medium == 'oil on canvas'",
     "fields": ["object_number", "title", "year"]}
"""
import ast
import functools
import json
import operator
import os

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

RECORDS_PATH = os.environ.get("OPEN_DATA_RECORDS", "/srv/opendata/objects.json")
FIELDS = ("object_number", "title", "maker", "year", "medium", "department", "on_view")
MAX_RESULTS = 500
_COMPARE = {
    ast.Eq: operator.eq, ast.NotEq: operator.ne,
    ast.Lt: operator.lt, ast.LtE: operator.le,
    ast.Gt: operator.gt, ast.GtE: operator.ge,
    ast.In: lambda a, b: a in b, ast.NotIn: lambda a, b: a not in b,
}


@functools.lru_cache(maxsize=1)
def load_records() -> tuple:
    with open(RECORDS_PATH, encoding="utf-8") as fh:
        return tuple(json.load(fh))


def _evaluate(node, rec: dict):
    if isinstance(node, ast.BoolOp):
        values = (_evaluate(v, rec) for v in node.values)
        return all(values) if isinstance(node.op, ast.And) else any(values)
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not):
        return not _evaluate(node.operand, rec)
    if isinstance(node, ast.Compare):
        left = _evaluate(node.left, rec)
        for op, comparator in zip(node.ops, node.comparators):
            right = _evaluate(comparator, rec)
            if not _COMPARE[type(op)](left, right):
                return False
            left = right
        return True
    if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) \
            and node.value.id == "r" and node.attr in FIELDS:
        return rec.get(node.attr)
    if isinstance(node, ast.Constant):
        return node.value
    if isinstance(node, (ast.Tuple, ast.List)):
        return [_evaluate(e, rec) for e in node.elts]
    raise ValueError(f"unsupported expression: {type(node).__name__}")


def compile_predicate(expr: str):
    tree = ast.parse(expr, mode="eval")
    return lambda rec: _evaluate(tree.body, rec)


async def filter_records(request: Request) -> JSONResponse:
    body = await request.json()
    expr = str(body.get("where") or "True")
    fields = [f for f in body.get("fields", FIELDS) if f in FIELDS] or list(FIELDS)
    try:
        predicate = compile_predicate(expr)
        matches = []
        for rec in load_records():
            if predicate(rec):
                matches.append({f: rec.get(f) for f in fields})
                if len(matches) >= MAX_RESULTS:
                    break
    except (SyntaxError, TypeError, ValueError, KeyError) as exc:
        return JSONResponse({"error": f"invalid filter: {exc}"}, status_code=400)
    return JSONResponse({"count": len(matches), "truncated": len(matches) >= MAX_RESULTS,
                         "records": matches})


async def describe(request: Request) -> JSONResponse:
    return JSONResponse({"fields": FIELDS, "example": "r.year < 1900 and r.on_view"})


app = Starlette(routes=[
    Route("/api/objects/filter", filter_records, methods=["POST"]),
    Route("/api/objects/fields", describe),
])
