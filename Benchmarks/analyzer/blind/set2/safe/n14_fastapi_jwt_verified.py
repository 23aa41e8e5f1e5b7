import os
import pathlib

import jwt
from fastapi import Depends, FastAPI, Header, HTTPException

app = FastAPI()
PUBLIC_KEY = pathlib.Path(os.environ.get("JWT_PUBLIC_KEY_FILE", "/etc/app/jwt.pub")).read_text()
AUDIENCE = os.environ.get("JWT_AUDIENCE", "projects-api")


def current_user(authorization: str = Header(...)):
    scheme, _, token = authorization.partition(" ")
    if scheme.lower() != "bearer" or not token:
        raise HTTPException(status_code=401, detail="missing bearer token")
    try:
        claims = jwt.decode(token, PUBLIC_KEY, algorithms=["RS256"], audience=AUDIENCE)
    except jwt.InvalidTokenError:
        raise HTTPException(status_code=401, detail="invalid token")
    return {"id": claims["sub"], "roles": claims.get("roles", [])}


@app.delete("/projects/{project_id}")
def delete_project(project_id: int, user: dict = Depends(current_user)):
    if "admin" not in user["roles"]:
        raise HTTPException(status_code=403, detail="admin only")
    return {"deleted": project_id, "by": user["id"]}
