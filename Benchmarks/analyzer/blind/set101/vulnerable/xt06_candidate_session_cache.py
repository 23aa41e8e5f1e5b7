"""Keeps a half-finished job application in a browser cookie so candidates
can leave the multi-step apply form and come back later."""
import base64
import logging
import pickle
from dataclasses import dataclass, field
from typing import Dict, List

from flask import Flask, jsonify, make_response, request

app = Flask(__name__)
log = logging.getLogger("apply.drafts")

DRAFT_COOKIE = "apply_draft"
DRAFT_MAX_AGE = 14 * 24 * 3600
STEPS = ("contact", "experience", "education", "questions", "review")


@dataclass
class ApplicationDraft:
    job_id: int = 0
    step: str = "contact"
    answers: Dict[str, str] = field(default_factory=dict)
    completed: List[str] = field(default_factory=list)

    def advance(self, step: str, answers: Dict[str, str]) -> None:
        self.answers.update({k: str(v)[:2000] for k, v in answers.items()})
        if step not in self.completed:
            self.completed.append(step)
        idx = STEPS.index(step)
        self.step = STEPS[min(idx + 1, len(STEPS) - 1)]


def encode_draft(draft: ApplicationDraft) -> str:
    return base64.urlsafe_b64encode(pickle.dumps(draft)).decode("ascii")


def decode_draft(blob: str) -> ApplicationDraft:
    raw = base64.urlsafe_b64decode(blob.encode("ascii"))
    return pickle.loads(raw)  # VULN flow


def load_draft(job_id: int) -> ApplicationDraft:
    blob = request.cookies.get(DRAFT_COOKIE)
    if not blob:
        return ApplicationDraft(job_id=job_id)
    try:
        draft = decode_draft(blob)
    except Exception:
        log.info("discarding unreadable draft cookie")
        return ApplicationDraft(job_id=job_id)
    if draft.job_id != job_id:
        return ApplicationDraft(job_id=job_id)
    return draft


@app.route("/jobs/<int:job_id>/apply/draft", methods=["GET"])
def get_draft(job_id):
    draft = load_draft(job_id)
    return jsonify(step=draft.step, answers=draft.answers, completed=draft.completed)


@app.route("/jobs/<int:job_id>/apply/<step>", methods=["POST"])
def save_step(job_id, step):
    if step not in STEPS:
        return jsonify(error="unknown step"), 404
    draft = load_draft(job_id)
    draft.advance(step, request.get_json(silent=True) or {})
    resp = make_response(jsonify(next_step=draft.step))
    resp.set_cookie(DRAFT_COOKIE, encode_draft(draft), max_age=DRAFT_MAX_AGE,
                    httponly=True, secure=True, samesite="Lax")
    return resp
