"""Housekeeping task board API (Starlette).

Supervisors' tablets list the day's cleaning tasks per floor and can sort
the board by room, due time, status or attendant.
"""
import os
import sqlite3
from typing import List, Optional

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

DB_PATH = os.environ.get("HK_DB", "/var/lib/pms/housekeeping.db")
SORT_COLUMNS = {
    "room_number": "room_number",
    "room": "room_number",
    "due_at": "due_at",
    "status": "status",
    "assigned_to": "assigned_to",
}
DIRECTIONS = {"asc": "ASC", "desc": "DESC"}


class TaskRepository:
    columns = "id, room_number, floor, task_type, status, assigned_to, due_at"

    def __init__(self, path: str):
        self.path = path

    def _connect(self) -> sqlite3.Connection:
        conn = sqlite3.connect(self.path)
        conn.row_factory = sqlite3.Row
        return conn

    def list_tasks(self, floor: int, status: Optional[str], sort: str, direction: str) -> List[dict]:
        query = f"SELECT {self.columns} FROM hk_tasks WHERE floor = ?"
        params: list = [floor]
        if status:
            query += " AND status = ?"
            params.append(status)
        query += f" ORDER BY {SORT_COLUMNS.get(sort, 'due_at')} {DIRECTIONS.get(direction.lower(), 'ASC')}"
        with self._connect() as conn:
            return [dict(r) for r in conn.execute(query, params)]

    def set_status(self, task_id: int, status: str, attendant: str) -> bool:
        with self._connect() as conn:
            cur = conn.execute(
                "UPDATE hk_tasks SET status = ?, assigned_to = ? WHERE id = ?",
                (status, attendant, task_id),
            )
            return cur.rowcount == 1


repo = TaskRepository(DB_PATH)


async def list_tasks(request: Request) -> JSONResponse:
    try:
        floor = int(request.path_params["floor"])
    except ValueError:
        return JSONResponse({"error": "bad floor"}, status_code=400)
    qp = request.query_params
    sort = qp.get("sort", "due_at")
    direction = qp.get("dir", "asc")
    tasks = repo.list_tasks(floor, qp.get("status"), sort, direction)
    return JSONResponse({"floor": floor, "tasks": tasks})


async def update_task(request: Request) -> JSONResponse:
    body = await request.json()
    ok = repo.set_status(int(request.path_params["task_id"]), body.get("status", "done"), body.get("attendant", ""))
    return JSONResponse({"ok": ok}, status_code=200 if ok else 404)


app = Starlette(routes=[
    Route("/floors/{floor}/tasks", list_tasks),
    Route("/tasks/{task_id:int}", update_task, methods=["PATCH"]),
])
