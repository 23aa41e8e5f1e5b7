from fastapi import Depends, FastAPI
from pydantic import BaseModel
from sqlalchemy import create_engine, text
from sqlalchemy.orm import Session, sessionmaker

engine = create_engine("postgresql+psycopg2://app@db/shop")
SessionLocal = sessionmaker(bind=engine)
app = FastAPI()


class OrderFilter(BaseModel):
    status: str = "paid"
    sort: str = "created_at"
    limit: int = 50


def get_db():
    db = SessionLocal()
    try:
        yield db
    finally:
        db.close()


def order_query(flt):
    return f"SELECT id, total, status FROM orders WHERE status = '{flt.status}' ORDER BY {flt.sort} LIMIT {flt.limit}"


@app.post("/orders/search")
def search_orders(flt: OrderFilter, db: Session = Depends(get_db)):
    rows = db.execute(text(order_query(flt))).mappings().all()  # VULN flow
    return {"orders": [dict(r) for r in rows]}
