import hashlib
import json

from fastapi import FastAPI, Request, Response

from catalog import load_category

app = FastAPI()


def etag_for(body: bytes) -> str:
    return '"' + hashlib.md5(body, usedforsecurity=False).hexdigest() + '"'


def cache_key(category: str, page: int) -> str:
    raw = f"{category}:{page}".encode("utf-8")
    return "cat:" + hashlib.sha1(raw, usedforsecurity=False).hexdigest()


@app.get("/categories/{category}")
def category_page(category: str, request: Request, page: int = 1):
    data = load_category(category, page=page, cache_key=cache_key(category, page))
    body = json.dumps(data, sort_keys=True).encode("utf-8")
    tag = etag_for(body)
    if request.headers.get("if-none-match") == tag:
        return Response(status_code=304, headers={"ETag": tag})
    return Response(content=body, media_type="application/json", headers={"ETag": tag})
