"""Conditional-logic engine for the nonprofit intake form builder.

Partner organisations design their own intake forms in the builder UI.  Each
question may carry a ``show_if`` condition such as
``household_size > 3 and county == "Lane"`` which is evaluated against the
answers submitted so far.
"""
import logging
from typing import Any, Dict, List

from fastapi import FastAPI, HTTPException
from pydantic import BaseModel

log = logging.getLogger("form_rules")
app = FastAPI(title="Intake form rules")

SAFE_BUILTINS = {"len": len, "min": min, "max": max, "abs": abs}


class Question(BaseModel):
    key: str
    label: str
    show_if: str = ""
    required: bool = False


class FormDefinition(BaseModel):
    form_id: str
    questions: List[Question]


class Submission(BaseModel):
    form: FormDefinition
    answers: Dict[str, Any]


def evaluate_condition(condition: str, answers: Dict[str, Any]) -> bool:
    if not condition.strip():
        return True
    scope = dict(answers)
    try:
        return bool(eval(condition, {"__builtins__": SAFE_BUILTINS}, scope))  # VULN flow
    except NameError:
        # referenced question not answered yet
        return False


def visible_questions(form: FormDefinition, answers: Dict[str, Any]) -> List[Question]:
    return [q for q in form.questions if evaluate_condition(q.show_if, answers)]


@app.post("/forms/visible")
def compute_visible(sub: Submission):
    try:
        shown = visible_questions(sub.form, sub.answers)
    except SyntaxError as exc:
        raise HTTPException(status_code=422, detail=f"bad condition: {exc.msg}")
    return {"form_id": sub.form.form_id, "visible": [q.key for q in shown]}


@app.post("/forms/validate")
def validate(sub: Submission):
    missing = []
    for q in visible_questions(sub.form, sub.answers):
        if q.required and sub.answers.get(q.key) in (None, "", []):
            missing.append(q.key)
    log.info("form %s validated, %d missing", sub.form.form_id, len(missing))
    return {"ok": not missing, "missing": missing}
