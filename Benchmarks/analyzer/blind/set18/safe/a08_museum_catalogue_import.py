"""Museum catalogue: bulk import of accession records exported by partner institutions."""
import logging
from typing import Optional

from fastapi import FastAPI, File, HTTPException, UploadFile
from lxml import etree
from pydantic import BaseModel

log = logging.getLogger("catalogue.import")
app = FastAPI(title="catalogue")

NS = {"c": "urn:museum:catalogue:1"}
MAX_UPLOAD = 5 * 1024 * 1024


class Accession(BaseModel):
    number: str
    title: str
    maker: Optional[str] = None
    year: Optional[int] = None
    department: str


class CatalogueStore:
    def __init__(self) -> None:
        self._records: dict[str, Accession] = {}

    def upsert(self, record: Accession) -> bool:
        created = record.number not in self._records
        self._records[record.number] = record
        return created

    def get(self, number: str) -> Optional[Accession]:
        return self._records.get(number)


def make_parser() -> etree.XMLParser:
    return etree.XMLParser(resolve_entities=False, load_dtd=False, no_network=True, huge_tree=False)


def _text(node, path: str) -> Optional[str]:
    value = node.findtext(path, namespaces=NS)
    return value.strip() if value else None


def parse_records(data: bytes) -> list[Accession]:
    root = etree.fromstring(data, parser=make_parser())
    records = []
    for node in root.iterfind("c:object", namespaces=NS):
        year = _text(node, "c:production/c:year")
        records.append(Accession(
            number=node.get("accession"),
            title=_text(node, "c:title") or "Untitled",
            maker=_text(node, "c:production/c:maker"),
            year=int(year) if year and year.isdigit() else None,
            department=node.get("department", "unassigned"),
        ))
    return records


store = CatalogueStore()


@app.post("/imports")
async def import_records(file: UploadFile = File(...)):
    data = await file.read()
    if len(data) > MAX_UPLOAD:
        raise HTTPException(status_code=413, detail="file too large")
    try:
        records = parse_records(data)
    except etree.XMLSyntaxError as exc:
        raise HTTPException(status_code=400, detail=f"invalid XML: {exc}")
    created = sum(store.upsert(r) for r in records)
    log.info("imported %d records (%d new) from %r", len(records), created, file.filename)
    return {"imported": len(records), "created": created}


@app.get("/objects/{number}", response_model=Accession)
def get_object(number: str):
    record = store.get(number)
    if record is None:
        raise HTTPException(status_code=404, detail="not found")
    return record
