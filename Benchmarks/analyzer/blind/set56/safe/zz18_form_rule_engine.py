"""Conditional-logic engine for the nonprofit intake form builder.

Partner organisations design their own intake forms in the builder UI.  Each
question may carry a ``show_if`` condition such as
``household_size > 3 and county == "Lane"`` which is evaluated against the
answers submitted so far.
"""
import ast
import logging
import operator
from typing import Any, Dict, List

from fastapi import FastAPI, HTTPException
from pydantic import BaseModel

log = logging.getLogger("form_rules")
app = FastAPI(title="Intake form rules")

COMPARE_OPS = {
    ast.Eq: operator.eq, ast.NotEq: operator.ne, ast.Lt: operator.lt, ast.LtE: operator.le,
    ast.Gt: operator.gt, ast.GtE: operator.ge, ast.In: lambda a, b: a in b,
    ast.NotIn: lambda a, b: a not in b,
}


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


def _eval_node(node: ast.AST, scope: Dict[str, Any]) -> Any:
    if isinstance(node, ast.Expression):
        return _eval_node(node.body, scope)
    if isinstance(node, ast.BoolOp):
        values = [_eval_node(v, scope) for v in node.values]
        return all(values) if isinstance(node.op, ast.And) else any(values)
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not):
        return not _eval_node(node.operand, scope)
    if isinstance(node, ast.Compare):
        left = _eval_node(node.left, scope)
        for op, comp in zip(node.ops, node.comparators):
            right = _eval_node(comp, scope)
            if type(op) not in COMPARE_OPS or not COMPARE_OPS[type(op)](left, right):
                return False
            left = right
        return True
    if isinstance(node, ast.Name):
        if node.id not in scope:
            raise NameError(node.id)
        return scope[node.id]
    if isinstance(node, ast.Constant):
        return node.value
    if isinstance(node, (ast.List, ast.Tuple)):
        return [_eval_node(e, scope) for e in node.elts]
    raise SyntaxError(f"unsupported expression: {type(node).__name__}")


def evaluate_condition(condition: str, answers: Dict[str, Any]) -> bool:
    if not condition.strip():
        return True
    scope = dict(answers)
    try:
        return bool(_eval_node(ast.parse(condition, mode="eval"), scope))
    except NameError:
        # referenced question not answered yet
        return False


def visible_questions(form: FormDefinition, answers: Dict[str, Any]) -> List[Question]:
    return [q for q in form.questions if evaluate_condition(q.show_if, answers)]


@app.post("/forms/visible")
def compute_visible(sub: Submission):
    try:
        shown = visible_questions(sub.form, sub.answers)
    except (SyntaxError, TypeError) as exc:
        raise HTTPException(status_code=422, detail=f"bad condition: {exc}")
    return {"form_id": sub.form.form_id, "visible": [q.key for q in shown]}


@app.post("/forms/validate")
def validate(sub: Submission):
    missing = []
    for q in visible_questions(sub.form, sub.answers):
        if q.required and sub.answers.get(q.key) in (None, "", []):
            missing.append(q.key)
    log.info("form %s validated, %d missing", sub.form.form_id, len(missing))
    return {"ok": not missing, "missing": missing}
