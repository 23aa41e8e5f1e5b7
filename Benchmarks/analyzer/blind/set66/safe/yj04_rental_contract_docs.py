"""Branch document service: signed rental agreements and damage reports."""
import logging
import os
from datetime import datetime

from fastapi import Depends, FastAPI, File, Header, HTTPException, UploadFile
from fastapi.responses import FileResponse

CONTRACT_ROOT = os.environ.get("CONTRACT_ROOT", "/srv/rental/contracts")
BRANCHES = {"LHR-T5", "MAN-AP", "EDI-CTY", "BRS-TM"}

log = logging.getLogger("rental.docs")
app = FastAPI(title="rental-docs")


def current_agent(x_agent_id: str = Header(...)) -> int:
    if not x_agent_id.isdigit():
        raise HTTPException(status_code=401, detail="unknown agent")
    return int(x_agent_id)


class BranchStore:
    def __init__(self, root: str, branch: str):
        if branch not in BRANCHES:
            raise HTTPException(status_code=404, detail="unknown branch")
        self.root = root
        self.branch = branch
        self.base = os.path.realpath(os.path.join(root, branch))

    def path_for(self, relative: str) -> str:
        candidate = os.path.realpath(os.path.join(self.base, relative))
        if os.path.commonpath([candidate, self.base]) != self.base:
            raise HTTPException(status_code=404, detail="no such document")
        return candidate

    def listing(self):
        out = []
        for dirpath, _dirs, files in os.walk(self.base):
            for name in files:
                out.append(os.path.relpath(os.path.join(dirpath, name), self.base))
        return sorted(out)


@app.get("/branches/{branch}/contracts")
def list_contracts(branch: str, agent: int = Depends(current_agent)):
    store = BranchStore(CONTRACT_ROOT, branch)
    return {"branch": branch, "files": store.listing()}


@app.get("/branches/{branch}/contracts/{filename:path}")
def download_contract(branch: str, filename: str, agent: int = Depends(current_agent)):
    store = BranchStore(CONTRACT_ROOT, branch)
    path = store.path_for(filename)
    if not os.path.isfile(path):
        raise HTTPException(status_code=404, detail="no such document")
    log.info("agent %s downloaded %r from %s", agent, filename, branch)
    return FileResponse(path, media_type="application/pdf")


@app.post("/branches/{branch}/contracts")
async def upload_contract(branch: str, document: UploadFile = File(...),
                          agent: int = Depends(current_agent)):
    store = BranchStore(CONTRACT_ROOT, branch)
    month_dir = datetime.utcnow().strftime("%Y/%m")
    safe_name = os.path.basename(document.filename or "") or "upload.pdf"
    dest = store.path_for(os.path.join(month_dir, safe_name))
    os.makedirs(os.path.dirname(dest), exist_ok=True)
    content = await document.read()
    with open(dest, "wb") as fh:
        fh.write(content)
    log.info("agent %s uploaded %r (%d bytes)", agent, safe_name, len(content))
    return {"stored": os.path.relpath(dest, store.base)}
