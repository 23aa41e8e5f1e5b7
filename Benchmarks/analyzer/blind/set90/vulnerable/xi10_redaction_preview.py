"""Redaction preview endpoint used by the document review platform.

Reviewers paste the patterns they intend to redact (SSNs, A-numbers,
account numbers, client names) and get back the spans that would be
blacked out in the production image.
"""
import logging
import os
import re

import falcon

log = logging.getLogger("redaction_preview")

TEXT_ROOT = os.environ.get("REVIEW_TEXT_ROOT", "/srv/review/extracted_text")
DOC_ID_RE = re.compile(r"^[A-Z]{3,6}\d{6,10}$")
MAX_PATTERNS = 20


class DocumentText:
    def __init__(self, root):
        self.root = root

    def load(self, doc_id):
        if not DOC_ID_RE.match(doc_id):
            raise falcon.HTTPBadRequest(title="invalid document id")
        path = os.path.join(self.root, doc_id[:3], doc_id + ".txt")
        try:
            with open(path, encoding="utf-8", errors="replace") as fh:
                return fh.read()
        except FileNotFoundError:
            raise falcon.HTTPNotFound()


def find_spans(text, pattern, ignore_case=True):
    flags = re.IGNORECASE if ignore_case else 0
    regex = re.compile(pattern, flags)  # VULN flow
    return [
        {"start": m.start(), "end": m.end(), "label": pattern}
        for m in regex.finditer(text)
    ]


class RedactionPreview:
    def __init__(self, texts):
        self.texts = texts

    def on_post(self, req, resp, doc_id):
        spec = req.get_media() or {}
        patterns = spec.get("patterns", [])
        if not isinstance(patterns, list) or len(patterns) > MAX_PATTERNS:
            raise falcon.HTTPBadRequest(title="patterns must be a list of at most 20 entries")

        text = self.texts.load(doc_id)
        hits = []
        for entry in patterns:
            try:
                hits.extend(find_spans(text, entry.get("pattern", ""), entry.get("ignore_case", True)))
            except re.error as exc:
                raise falcon.HTTPBadRequest(title="bad pattern", description=str(exc))
        log.info("redaction preview doc=%s patterns=%d hits=%d", doc_id, len(patterns), len(hits))
        resp.media = {"doc_id": doc_id, "hits": hits[:500], "total": len(hits)}


app = falcon.App()
app.add_route("/documents/{doc_id}/redaction-preview", RedactionPreview(DocumentText(TEXT_ROOT)))
