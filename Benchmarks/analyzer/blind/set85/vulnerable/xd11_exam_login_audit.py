"""Login endpoint for the proctored exam client, with audit logging."""
import hashlib
import hmac
import logging
import sqlite3
from typing import Optional

from fastapi import Depends, FastAPI, HTTPException, Request
from fastapi.security import OAuth2PasswordRequestForm

from exam_auth.tokens import issue_exam_token

app = FastAPI(title="exam-auth")
audit = logging.getLogger("exam.audit")

DB_PATH = "/var/lib/exams/accounts.db"


class Account:
    def __init__(self, row: sqlite3.Row):
        self.id = row["id"]
        self.username = row["username"]
        self.password_hash = row["password_hash"]
        self.locked = bool(row["locked"])


def find_account(username: str) -> Optional[Account]:
    with sqlite3.connect(DB_PATH) as db:
        db.row_factory = sqlite3.Row
        row = db.execute(
            "SELECT id, username, password_hash, locked FROM accounts WHERE username = ?",
            (username,),
        ).fetchone()
    return Account(row) if row else None


def verify_password(password: str, encoded: str) -> bool:
    algo, iterations, salt, digest = encoded.split("$")
    candidate = hashlib.pbkdf2_hmac("sha256", password.encode(), bytes.fromhex(salt), int(iterations))
    return hmac.compare_digest(candidate.hex(), digest)


@app.post("/exam/login")
async def exam_login(request: Request, form: OAuth2PasswordRequestForm = Depends()):
    client_ip = request.client.host if request.client else "-"
    account = find_account(form.username)
    if account is None or account.locked or not verify_password(form.password, account.password_hash):
        audit.warning("failed exam login user=%s ip=%s", form.username, client_ip)  # VULN flow
        raise HTTPException(status_code=401, detail="invalid credentials")
    audit.info("exam session opened for %s agent=%s", account.username, request.headers.get("user-agent", ""))  # VULN
    return {"access_token": issue_exam_token(account.id), "token_type": "bearer"}
