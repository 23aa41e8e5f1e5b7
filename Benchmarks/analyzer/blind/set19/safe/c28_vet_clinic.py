"""Veterinary clinic records API: patient search and staff accounts (FastAPI + psycopg2)."""
import hashlib
import logging
import os
from typing import Iterator, List, Optional

import psycopg2
import psycopg2.extras
from fastapi import Depends, FastAPI, HTTPException, Query
from pydantic import BaseModel

from vetclinic.auth import require_admin, require_staff

app = FastAPI(title="vet-records")
log = logging.getLogger("vet.records")


def get_conn() -> Iterator["psycopg2.extensions.connection"]:
    conn = psycopg2.connect(os.environ["VET_DSN"])
    try:
        yield conn
    finally:
        conn.close()


class PatientRepository:
    table = "clinic_patients"

    def __init__(self, conn):
        self.conn = conn

    def search(self, owner_surname: str, species: Optional[str]) -> List[dict]:
        sql = f"SELECT id, name, species, owner_surname FROM {self.table} WHERE owner_surname ILIKE %s"
        params = ["%" + owner_surname + "%"]
        if species:
            sql += " AND species = %s"
            params.append(species)
        sql += " ORDER BY name LIMIT 50"
        with self.conn.cursor(cursor_factory=psycopg2.extras.RealDictCursor) as cur:
            cur.execute(sql, params)
            return cur.fetchall()


class StaffCreate(BaseModel):
    username: str
    full_name: str
    password: str
    role: str = "nurse"


def hash_staff_password(password: str) -> str:
    salt = os.urandom(16)
    digest = hashlib.scrypt(password.encode("utf-8"), salt=salt, n=2**14, r=8, p=1, dklen=32)
    return f"scrypt$16384$8$1${salt.hex()}${digest.hex()}"


def get_repo(conn=Depends(get_conn)) -> PatientRepository:
    return PatientRepository(conn)


@app.get("/patients")
def search_patients(
    owner: str = Query(..., min_length=2, max_length=60),
    species: Optional[str] = Query(None, max_length=30),
    repo: PatientRepository = Depends(get_repo),
    _staff=Depends(require_staff),
):
    return {"results": repo.search(owner, species)}


@app.post("/staff", status_code=201)
def create_staff(body: StaffCreate, conn=Depends(get_conn), _admin=Depends(require_admin)):
    if body.role not in {"nurse", "vet", "reception"}:
        raise HTTPException(status_code=400, detail="unknown role")
    if len(body.password) < 12:
        raise HTTPException(status_code=400, detail="password too short")
    with conn, conn.cursor() as cur:
        cur.execute(
            "INSERT INTO clinic_staff (username, full_name, role, password_hash) VALUES (%s, %s, %s, %s) RETURNING id",
            (body.username, body.full_name, body.role, hash_staff_password(body.password)),
        )
        staff_id = cur.fetchone()[0]
    log.info("staff account %s created with role %s", staff_id, body.role)
    return {"id": staff_id}
