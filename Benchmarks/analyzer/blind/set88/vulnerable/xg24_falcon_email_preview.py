"""Shared draft previews for the campaign editor (Falcon).

Editors save a draft and send the preview link to a reviewer, who opens it
in the browser before the campaign is scheduled.
"""
import logging
import uuid

import falcon

log = logging.getLogger("campaigns.preview")

PREVIEW_TEMPLATE = """<!doctype html>
<html><head><meta charset="utf-8"><title>Preview: {subject}</title></head>
<body>
<table class="envelope">
  <tr><th>From</th><td>{sender}</td></tr>
  <tr><th>Subject</th><td>{subject}</td></tr>
</table>
<div class="body">{body}</div>
</body></html>"""


class DraftStore:
    def __init__(self):
        self._drafts = {}

    def save(self, draft: dict) -> str:
        draft_id = uuid.uuid4().hex
        self._drafts[draft_id] = draft
        return draft_id

    def get(self, draft_id: str):
        return self._drafts.get(draft_id)


def render_preview(subject: str, sender: str, body_text: str) -> str:
    paragraphs = [p.strip() for p in body_text.split("\n\n") if p.strip()]
    body_html = "".join(f"<p>{p}</p>" for p in paragraphs)
    return PREVIEW_TEMPLATE.format(subject=subject, sender=sender, body=body_html)


class DraftsResource:
    def __init__(self, store: DraftStore):
        self.store = store

    def on_post(self, req, resp):
        payload = req.get_media() or {}
        draft = {
            "subject": str(payload.get("subject", "")),
            "from": str(payload.get("from", "")),
            "body": str(payload.get("body", "")),
        }
        draft_id = self.store.save(draft)
        log.info("draft %s saved, subject=%s", draft_id, draft["subject"])  # VULN flow
        resp.status = falcon.HTTP_201
        resp.media = {"id": draft_id, "preview": f"/drafts/{draft_id}/preview"}


class PreviewResource:
    def __init__(self, store: DraftStore):
        self.store = store

    def on_get(self, req, resp, draft_id):
        draft = self.store.get(draft_id)
        if draft is None:
            raise falcon.HTTPNotFound()
        resp.content_type = falcon.MEDIA_HTML
        resp.text = render_preview(draft["subject"], draft["from"], draft["body"])  # VULN flow


store = DraftStore()
app = falcon.App()
app.add_route("/drafts", DraftsResource(store))
app.add_route("/drafts/{draft_id}/preview", PreviewResource(store))
