import logging

from fastapi import FastAPI, Form, HTTPException

from auth.service import verify_login

app = FastAPI()
audit = logging.getLogger("audit")


def describe_attempt(username, client):
    return f"login failed user={username} client={client}"


@app.post("/login")
async def login(username: str = Form(...), password: str = Form(...), client: str = Form("web")):
    session = await verify_login(username, password)
    if session is None:
        audit.warning(describe_attempt(username, client))  # VULN flow
        raise HTTPException(status_code=401, detail="invalid credentials")
    audit.info("login ok user_id=%d", session.user_id)
    return {"session": session.token}
