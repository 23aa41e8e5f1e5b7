"""Translation-memory service: fuzzy segment lookup and TMX export for linguists."""
import os
from typing import Iterator, List
from xml.sax.saxutils import escape, quoteattr

from fastapi import Depends, FastAPI, Query
from pydantic import BaseModel, Field
from sqlalchemy import create_engine, text
from sqlalchemy.orm import Session, sessionmaker

ENGINE = create_engine(os.environ.get("TM_DATABASE_URL", "postgresql+psycopg2://tm@localhost/tm"))
SessionLocal = sessionmaker(bind=ENGINE)
EXPORT_DIR = "/var/lib/tm/exports"

app = FastAPI(title="translation-memory")


class Segment(BaseModel):
    id: int
    source_text: str
    target_text: str
    score: float = 1.0


class ExportRequest(BaseModel):
    name: str = Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$")
    source_lang: str
    target_lang: str


def get_session() -> Iterator[Session]:
    session = SessionLocal()
    try:
        yield session
    finally:
        session.close()


class SegmentRepository:
    def __init__(self, session: Session):
        self.session = session

    def fuzzy_lookup(self, source_lang: str, target_lang: str, fragment: str, limit: int) -> List[Segment]:
        sql = (
            "SELECT id, source_text, target_text, similarity(source_text, :frag) AS score "
            "FROM segments WHERE source_lang = :sl AND target_lang = :tl "
            "AND source_text ILIKE '%' || :frag || '%' ORDER BY score DESC LIMIT :lim"
        )
        rows = self.session.execute(text(sql), {"frag": fragment, "sl": source_lang, "tl": target_lang, "lim": limit})
        return [Segment(**row._mapping) for row in rows]

    def pair(self, source_lang: str, target_lang: str):
        return self.session.execute(
            text("SELECT source_text, target_text FROM segments WHERE source_lang = :sl AND target_lang = :tl"),
            {"sl": source_lang, "tl": target_lang},
        )


@app.get("/segments/search", response_model=List[Segment])
def search(
    sl: str = Query(..., max_length=8),
    tl: str = Query(..., max_length=8),
    q: str = Query(..., min_length=2),
    limit: int = Query(20, le=100),
    session: Session = Depends(get_session),
):
    return SegmentRepository(session).fuzzy_lookup(sl, tl, q, limit)


def write_tmx(path: str, req: ExportRequest, rows) -> int:
    count = 0
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(f'<tmx version="1.4"><header srclang={quoteattr(req.source_lang)}/><body>\n')
        for src, tgt in rows:
            fh.write(
                f"<tu><tuv xml:lang={quoteattr(req.source_lang)}><seg>{escape(src)}</seg></tuv>"
                f"<tuv xml:lang={quoteattr(req.target_lang)}><seg>{escape(tgt)}</seg></tuv></tu>\n"
            )
            count += 1
        fh.write("</body></tmx>\n")
    return count


@app.post("/exports")
def export(req: ExportRequest, session: Session = Depends(get_session)):
    path = os.path.join(EXPORT_DIR, f"{req.name}.tmx")
    count = write_tmx(path, req, SegmentRepository(session).pair(req.source_lang, req.target_lang))
    return {"file": os.path.basename(path), "units": count}
