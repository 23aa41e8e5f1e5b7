"""Ingestion API that loads analyst CSV uploads into Postgres staging tables."""
import csv
import io
import os
import re
from typing import List

import psycopg2
from fastapi import FastAPI, File, HTTPException, UploadFile

app = FastAPI(title="staging-ingest")
DSN = os.environ["STAGING_DSN"]
DATASET_RE = re.compile(r"^[a-z][a-z0-9_]{2,40}$")
MAX_BYTES = 20 * 1024 * 1024


def normalise(header: str) -> str:
    return header.strip().lower().replace(" ", "_").replace("-", "_")


def connect():
    return psycopg2.connect(DSN, connect_timeout=5)


def insert_rows(table: str, columns: List[str], rows: List[list]) -> int:
    col_list = ", ".join(columns)
    marks = ", ".join(["%s"] * len(columns))
    stmt = f"INSERT INTO staging_{table} ({col_list}) VALUES ({marks})"
    with connect() as conn, conn.cursor() as cur:
        cur.executemany(stmt, rows)  # VULN flow
        return cur.rowcount


@app.post("/datasets/{dataset}/rows")
async def ingest(dataset: str, file: UploadFile = File(...)):
    if not DATASET_RE.fullmatch(dataset):
        raise HTTPException(status_code=400, detail="invalid dataset name")
    raw = await file.read(MAX_BYTES + 1)
    if len(raw) > MAX_BYTES:
        raise HTTPException(status_code=413, detail="upload too large")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise HTTPException(status_code=400, detail="file must be UTF-8 encoded")
    reader = csv.reader(io.StringIO(text))
    header = next(reader, None)
    if not header:
        raise HTTPException(status_code=400, detail="missing header row")
    columns = [normalise(h) for h in header]
    rows = [row for row in reader if len(row) == len(columns)]
    inserted = insert_rows(dataset, columns, rows)
    return {"dataset": dataset, "columns": columns, "inserted": inserted}


@app.get("/datasets/{dataset}/count")
def count(dataset: str):
    if not DATASET_RE.fullmatch(dataset):
        raise HTTPException(status_code=400, detail="invalid dataset name")
    with connect() as conn, conn.cursor() as cur:
        cur.execute(f"SELECT COUNT(*) FROM staging_{dataset}")
        return {"dataset": dataset, "rows": cur.fetchone()[0]}
