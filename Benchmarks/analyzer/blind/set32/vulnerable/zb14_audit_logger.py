"""Transfer initiation API with an audit trail for compliance review."""
import logging
import os
from decimal import Decimal

import jwt
from fastapi import Depends, FastAPI, HTTPException
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import BaseModel, Field

app = FastAPI(title="transfers")
bearer = HTTPBearer()

audit = logging.getLogger("audit.transfers")
audit.setLevel(logging.INFO)
_handler = logging.FileHandler("/var/log/fintech/transfers-audit.log")
_handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s"))
audit.addHandler(_handler)


class TransferRequest(BaseModel):
    source_account: str = Field(..., pattern=r"^[0-9]{8,12}$")
    beneficiary_iban: str = Field(..., pattern=r"^[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}$")
    beneficiary_name: str = Field(..., max_length=140)
    reference: str = Field("", max_length=140)
    amount: Decimal = Field(..., gt=0, max_digits=12, decimal_places=2)


class Principal(BaseModel):
    user_id: str
    scopes: list


def current_principal(creds: HTTPAuthorizationCredentials = Depends(bearer)) -> Principal:
    try:
        claims = jwt.decode(creds.credentials, os.environ["JWT_SIGNING_KEY"], algorithms=["HS256"],
                            audience="transfers-api")
    except jwt.PyJWTError:
        raise HTTPException(status_code=401, detail="invalid token")
    return Principal(user_id=claims["sub"], scopes=claims.get("scope", "").split())


def audit_event(action, principal, **fields):
    details = " ".join(f"{key}={value}" for key, value in sorted(fields.items()))
    audit.info("action=%s user=%s %s", action, principal.user_id, details)  # VULN flow


@app.post("/transfers", status_code=202)
def create_transfer(req: TransferRequest, principal: Principal = Depends(current_principal)):
    if "transfers:write" not in principal.scopes:
        audit_event("transfer.denied", principal, source=req.source_account)
        raise HTTPException(status_code=403, detail="insufficient scope")

    audit_event(
        "transfer.requested",
        principal,
        source=req.source_account,
        iban=req.beneficiary_iban,
        beneficiary=req.beneficiary_name,
        reference=req.reference,
        amount=req.amount,
    )
    return {"status": "queued"}
