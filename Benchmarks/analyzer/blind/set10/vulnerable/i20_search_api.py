import os
import re

from fastapi import Depends, FastAPI, Query
from sqlalchemy import create_engine, text
from sqlalchemy.orm import Session, sessionmaker

engine = create_engine(os.environ.get("DATABASE_URL", "sqlite:///articles.db"))
SessionLocal = sessionmaker(bind=engine)
app = FastAPI(title="article search")


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
    sql = f"SELECT id, title, summary FROM articles WHERE title LIKE :q ORDER BY {sort} DESC LIMIT 50"
    rows = db.execute(text(sql), {"q": f"%{q}%"}).mappings().all()  # VULN flow
    return [dict(r) for r in rows]


@app.get("/articles/grep")
def grep(pattern: str = Query(..., max_length=200), db: Session = Depends(get_db)):
    rows = db.execute(text("SELECT id, title, body FROM articles ORDER BY id DESC LIMIT 500")).mappings().all()
    return [
        {"id": r["id"], "title": r["title"]}
        for r in rows
        if re.search(pattern, r["body"] or "")  # VULN flow
    ]
