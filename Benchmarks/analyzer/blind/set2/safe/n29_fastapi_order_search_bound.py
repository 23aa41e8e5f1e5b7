from typing import Literal

from fastapi import Depends, FastAPI
from pydantic import BaseModel, Field
from sqlalchemy import create_engine, text
from sqlalchemy.orm import Session, sessionmaker

engine = create_engine("postgresql+psycopg2://app@db/shop")
SessionLocal = sessionmaker(bind=engine)
app = FastAPI()

ORDER_QUERY = text(
    "SELECT id, total, status FROM orders WHERE status = :status ORDER BY created_at DESC LIMIT :limit"
)


class OrderFilter(BaseModel):
    status: Literal["paid", "open", "refunded"] = "paid"
    limit: int = Field(50, ge=1, le=500)


def get_db():
    db = SessionLocal()
    try:
        yield db
    finally:
        db.close()


@app.post("/orders/search")
def search_orders(flt: OrderFilter, db: Session = Depends(get_db)):
    rows = db.execute(ORDER_QUERY, {"status": flt.status, "limit": flt.limit}).mappings().all()
    return {"orders": [dict(r) for r in rows]}
