"""Card search API for the kanban service."""
import os
from contextlib import contextmanager
from typing import List, Optional

import psycopg2
import psycopg2.extras
from fastapi import Depends, FastAPI, HTTPException, Query
from pydantic import BaseModel

app = FastAPI(title="kanban-search")
DSN = os.environ.get("KANBAN_DSN", "dbname=kanban user=kanban host=localhost")

SORT_COLUMNS = {"updated_at": "c.updated_at", "created_at": "c.created_at", "priority": "c.priority", "title": "c.title"}
DIRECTIONS = {"asc": "ASC", "desc": "DESC"}


class Card(BaseModel):
    id: int
    title: str
    column_name: str
    assignee: Optional[str]
    priority: int


@contextmanager
def cursor():
    conn = psycopg2.connect(DSN)
    try:
        with conn.cursor(cursor_factory=psycopg2.extras.RealDictCursor) as cur:
            yield cur
        conn.commit()
    finally:
        conn.close()


class SearchFilters:
    def __init__(
        self,
        q: str = "",
        assignee: Optional[str] = None,
        label: Optional[str] = None,
        sort: str = "updated_at",
        direction: str = "desc",
    ):
        self.q = q
        self.assignee = assignee
        self.label = label
        self.sort = sort
        self.direction = direction


def build_query(board_id: int, f: SearchFilters):
    clauses = ["c.board_id = %s", "c.archived = false"]
    params: list = [board_id]
    if f.q:
        clauses.append("c.title ILIKE %s")
        params.append(f"%{f.q}%")
    if f.assignee:
        clauses.append("c.assignee = %s")
        params.append(f.assignee)
    if f.label:
        clauses.append("EXISTS (SELECT 1 FROM card_labels l WHERE l.card_id = c.id AND l.name = %s)")
        params.append(f.label)
    order_col = SORT_COLUMNS.get(f.sort, "c.updated_at")
    order_dir = DIRECTIONS.get(f.direction.lower(), "DESC")
    sql = (
        "SELECT c.id, c.title, col.name AS column_name, c.assignee, c.priority "
        "FROM cards c JOIN columns col ON col.id = c.column_id WHERE "
        + " AND ".join(clauses)
        + f" ORDER BY {order_col} {order_dir} LIMIT 200"
    )
    return sql, params


@app.get("/boards/{board_id}/cards", response_model=List[Card])
def search_cards(board_id: int, filters: SearchFilters = Depends()):
    sql, params = build_query(board_id, filters)
    with cursor() as cur:
        cur.execute(sql, params)
        rows = cur.fetchall()
    return [Card(**r) for r in rows]


@app.get("/boards/{board_id}/cards/{card_id}", response_model=Card)
def get_card(board_id: int, card_id: int, include_archived: bool = Query(False)):
    sql = (
        "SELECT c.id, c.title, col.name AS column_name, c.assignee, c.priority "
        "FROM cards c JOIN columns col ON col.id = c.column_id "
        "WHERE c.board_id = %s AND c.id = %s"
    )
    if not include_archived:
        sql += " AND c.archived = false"
    with cursor() as cur:
        cur.execute(sql, (board_id, card_id))
        row = cur.fetchone()
    if row is None:
        raise HTTPException(status_code=404, detail="card not found")
    return Card(**row)
