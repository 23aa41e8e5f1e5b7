import os
import re

from fastapi import Depends, FastAPI, HTTPException, Query
from sqlalchemy import create_engine, text
from sqlalchemy.orm import Session, sessionmaker

engine = create_engine(os.environ.get("DATABASE_URL", "sqlite:///articles.db"))
SessionLocal = sessionmaker(bind=engine)
app = FastAPI(title="article search")
SORT_COLUMNS = {"published_at": "published_at", "title": "title", "views": "view_count"}


def get_db():
    db = SessionLocal()
    try:
        yield db
    finally:
        db.close()


@app.get("/articles/search")
def search(
    q: str = Query(..., min_length=2, max_length=100),
    sort: str = "published_at",
    db: Session = Depends(get_db),
):
    column = SORT_COLUMNS.get(sort)
    if column is None:
        raise HTTPException(status_code=400, detail="unsupported sort column")
    sql = f"SELECT id, title, summary FROM articles WHERE title LIKE :q ORDER BY {column} DESC LIMIT 50"
    rows = db.execute(text(sql), {"q": f"%{q}%"}).mappings().all()
    return [dict(r) for r in rows]


@app.get("/articles/grep")
def grep(term: str = Query(..., min_length=2, max_length=200), db: Session = Depends(get_db)):
    needle = re.compile(re.escape(term), re.IGNORECASE)
    rows = db.execute(text("SELECT id, title, body FROM articles ORDER BY id DESC LIMIT 500")).mappings().all()
    return [
        {"id": r["id"], "title": r["title"]}
        for r in rows
        if needle.search(r["body"] or "")
    ]
