"""Ingestion API that loads analyst CSV uploads into Postgres staging tables."""
import csv
import io
import os
import re
from typing import List

import psycopg2
from fastapi import FastAPI, File, HTTPException, UploadFile
from psycopg2 import sql

app = FastAPI(title="staging-ingest")
DSN = os.environ["STAGING_DSN"]
DATASET_RE = re.compile(r"^[a-z][a-z0-9_]{2,40}$")
MAX_BYTES = 20 * 1024 * 1024


def normalise(header: str) -> str:
    return header.strip().lower().replace(" ", "_").replace("-", "_")


def connect():
    return psycopg2.connect(DSN, connect_timeout=5)


def table_columns(cur, table: str) -> set:
    cur.execute(
        "SELECT column_name FROM information_schema.columns WHERE table_schema = 'public' AND table_name = %s",
        (f"staging_{table}",),
    )
    return {r[0] for r in cur.fetchall()}


def insert_rows(table: str, columns: List[str], rows: List[list]) -> int:
    with connect() as conn, conn.cursor() as cur:
        unknown = set(columns) - table_columns(cur, table)
        if unknown:
            raise HTTPException(status_code=400, detail=f"unknown columns: {sorted(unknown)}")
        stmt = sql.SQL("INSERT INTO {} ({}) VALUES ({})").format(
            sql.Identifier(f"staging_{table}"),
            sql.SQL(", ").join(map(sql.Identifier, columns)),
            sql.SQL(", ").join(sql.Placeholder() * len(columns)),
        )
        cur.executemany(stmt, rows)
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
        cur.execute(sql.SQL("SELECT COUNT(*) FROM {}").format(sql.Identifier(f"staging_{dataset}")))
        return {"dataset": dataset, "rows": cur.fetchone()[0]}
