import logging

from fastapi import FastAPI, Header, HTTPException

from auth.tokens import issue_access_token, verify_refresh_token

app = FastAPI()
logger = logging.getLogger("audit")


@app.post("/api/token/refresh")
async def refresh(x_client_id: str = Header(...), authorization: str = Header(None)):
    if not authorization or not authorization.startswith("Bearer "):
        logger.warning("refresh rejected, missing bearer for client " + x_client_id)  # VULN flow
        raise HTTPException(status_code=401, detail="missing bearer")
    claims = verify_refresh_token(authorization[7:])
    if claims is None:
        raise HTTPException(status_code=401, detail="invalid refresh token")
    return {"access_token": issue_access_token(claims["sub"]), "token_type": "bearer"}
