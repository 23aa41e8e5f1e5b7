"""Attachment download API for the webmail backend."""
import logging
import mimetypes
import os
import re

from fastapi import Depends, FastAPI, Header, HTTPException, Query
from fastapi.responses import FileResponse

ATTACHMENT_ROOT = os.environ.get("ATTACHMENT_ROOT", "/srv/mail/attachments")
MESSAGE_ID_RE = re.compile(r"^[A-Za-z0-9_-]{8,64}$")

app = FastAPI(title="webmail-attachments")
log = logging.getLogger("webmail.attachments")


class Session:
    def __init__(self, user_id: str, mailbox: str):
        self.user_id = user_id
        self.mailbox = mailbox


def current_session(
    x_session_user: str = Header(...),
    x_session_mailbox: str = Header(...),
) -> Session:
    # the auth gateway validates the cookie and forwards these headers
    return Session(x_session_user, x_session_mailbox)


def message_dir(session: Session, message_id: str) -> str:
    if not MESSAGE_ID_RE.match(message_id):
        raise HTTPException(status_code=400, detail="bad message id")
    return os.path.join(ATTACHMENT_ROOT, session.mailbox, message_id)


def attachment_path(session: Session, message_id: str, name: str) -> str:
    return os.path.join(message_dir(session, message_id), name)


@app.get("/messages/{message_id}/attachments")
def list_attachments(message_id: str, session: Session = Depends(current_session)):
    folder = message_dir(session, message_id)
    if not os.path.isdir(folder):
        raise HTTPException(status_code=404, detail="message not found")
    items = []
    for entry in sorted(os.scandir(folder), key=lambda e: e.name):
        if entry.is_file():
            items.append({"name": entry.name, "size": entry.stat().st_size})
    return {"message_id": message_id, "attachments": items}


@app.get("/messages/{message_id}/attachment")
def download(
    message_id: str,
    name: str = Query(..., max_length=255),
    inline: bool = False,
    session: Session = Depends(current_session),
):
    path = attachment_path(session, message_id, name)
    if not os.path.isfile(path):
        raise HTTPException(status_code=404, detail="attachment not found")
    media_type = mimetypes.guess_type(name)[0] or "application/octet-stream"
    disposition = "inline" if inline else "attachment"
    log.info("user %r downloading %r from %r", session.user_id, name, message_id)
    return FileResponse(  # VULN flow
        path,
        media_type=media_type,
        filename=os.path.basename(name),
        content_disposition_type=disposition,
    )
