from fastapi import Depends, FastAPI
from sqlalchemy import text
from sqlalchemy.orm import Session

from .db import get_session

app = FastAPI()


def _email_clause(email):
    return f"email = '{email}'"


@app.get("/users/lookup")
def lookup_user(email: str, db: Session = Depends(get_session)):
    clause = _email_clause(email)
    row = db.execute(text("SELECT id, email, created_at FROM users WHERE " + clause)).first()  # VULN flow
    return {"found": row is not None, "id": row.id if row else None}
