"""Computed fields for CMS content types.

Editors can attach small formulas to a content type (for example
``price * 1.2`` or ``len(title)``); they are recalculated whenever an
entry is saved or when an editor asks for a recompute.
"""
import ast
import logging
import operator
from typing import Any, Dict

from flask import Blueprint, abort, jsonify, request

from cms.db import get_content_type, get_entry, save_content_type, update_entry

bp = Blueprint("computed_fields", __name__, url_prefix="/api/content-types")
log = logging.getLogger(__name__)

SAFE_FUNCS = {"len": len, "round": round, "min": min, "max": max, "abs": abs}
MAX_FORMULA_LEN = 200

_BINOPS = {
    ast.Add: operator.add,
    ast.Sub: operator.sub,
    ast.Mult: operator.mul,
    ast.Div: operator.truediv,
    ast.Mod: operator.mod,
}
_UNARY = {ast.USub: operator.neg, ast.UAdd: operator.pos}


class FormulaError(Exception):
    pass


def _eval_node(node: ast.AST, namespace: Dict[str, Any]) -> Any:
    if isinstance(node, ast.Constant) and isinstance(node.value, (int, float, str)):
        return node.value
    if isinstance(node, ast.Name):
        if node.id not in namespace:
            raise FormulaError(f"unknown name {node.id!r}")
        return namespace[node.id]
    if isinstance(node, ast.BinOp) and type(node.op) in _BINOPS:
        return _BINOPS[type(node.op)](_eval_node(node.left, namespace), _eval_node(node.right, namespace))
    if isinstance(node, ast.UnaryOp) and type(node.op) in _UNARY:
        return _UNARY[type(node.op)](_eval_node(node.operand, namespace))
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and not node.keywords:
        func = SAFE_FUNCS.get(node.func.id)
        if func is None:
            raise FormulaError(f"function {node.func.id!r} is not allowed")
        return func(*[_eval_node(arg, namespace) for arg in node.args])
    raise FormulaError(f"unsupported expression: {type(node).__name__}")


def evaluate_formula(formula: str, entry: Dict[str, Any]) -> Any:
    namespace: Dict[str, Any] = dict(entry.get("fields", {}))
    try:
        tree = ast.parse(formula, mode="eval")
        return _eval_node(tree.body, namespace)
    except FormulaError:
        raise
    except Exception as exc:  # formulas are user supplied, report anything
        raise FormulaError(str(exc)) from exc


def recompute(content_type: Dict[str, Any], entry: Dict[str, Any]) -> Dict[str, Any]:
    computed: Dict[str, Any] = {}
    for name, formula in content_type.get("computed", {}).items():
        try:
            computed[name] = evaluate_formula(formula, entry)
        except FormulaError as exc:
            log.warning("formula %r failed for entry %s: %s", name, entry.get("id"), exc)
            computed[name] = None
    return computed


@bp.route("/<int:type_id>/computed", methods=["PUT"])
def set_computed_fields(type_id: int):
    ctype = get_content_type(type_id)
    if ctype is None:
        abort(404)
    payload = request.get_json(force=True) or {}
    formulas = payload.get("computed", {})
    if not isinstance(formulas, dict):
        abort(400)
    cleaned = {}
    for key, value in formulas.items():
        value = str(value).strip()
        if len(value) > MAX_FORMULA_LEN:
            abort(400, description=f"formula for {key} is too long")
        cleaned[str(key)] = value
    ctype["computed"] = cleaned
    save_content_type(ctype)
    return jsonify({"ok": True, "fields": sorted(cleaned)})


@bp.route("/<int:type_id>/entries/<int:entry_id>/recompute", methods=["POST"])
def recompute_entry(type_id: int, entry_id: int):
    ctype = get_content_type(type_id)
    entry = get_entry(entry_id)
    if ctype is None or entry is None:
        abort(404)
    entry["computed"] = recompute(ctype, entry)
    update_entry(entry)
    return jsonify(entry["computed"])
