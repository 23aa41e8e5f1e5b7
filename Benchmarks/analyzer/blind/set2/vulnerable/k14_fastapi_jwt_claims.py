import jwt
from fastapi import Depends, FastAPI, Header, HTTPException

app = FastAPI()


def current_user(authorization: str = Header(...)):
    scheme, _, token = authorization.partition(" ")
    if scheme.lower() != "bearer" or not token:
        raise HTTPException(status_code=401, detail="missing bearer token")
    claims = jwt.decode(token, options={"verify_signature": False})  # VULN
    return {"id": claims["sub"], "roles": claims.get("roles", [])}


@app.delete("/projects/{project_id}")
def delete_project(project_id: int, user: dict = Depends(current_user)):
    if "admin" not in user["roles"]:
        raise HTTPException(status_code=403, detail="admin only")
    return {"deleted": project_id, "by": user["id"]}
