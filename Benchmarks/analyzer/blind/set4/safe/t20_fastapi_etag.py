import hashlib
import json

from fastapi import APIRouter, Depends, Request, Response
from sqlalchemy.orm import Session

from .db import get_session
from .models import Product

router = APIRouter()


def compute_etag(payload: bytes) -> str:
    return '"' + hashlib.md5(payload, usedforsecurity=False).hexdigest() + '"'


@router.get("/catalog")
def catalog(request: Request, db: Session = Depends(get_session)):
    products = db.query(Product).filter(Product.published.is_(True)).order_by(Product.id).all()
    body = json.dumps(
        [{"id": p.id, "name": p.name, "price": str(p.price)} for p in products],
        separators=(",", ":"),
    ).encode()
    etag = compute_etag(body)
    if request.headers.get("if-none-match") == etag:
        return Response(status_code=304, headers={"ETag": etag})
    return Response(content=body, media_type="application/json", headers={"ETag": etag, "Cache-Control": "max-age=60"})
