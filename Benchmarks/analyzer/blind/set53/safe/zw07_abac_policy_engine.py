"""Attribute-based access policies for the tenant admin API.

Tenant admins author policy conditions in the console, for example::

    user.department == "finance" and resource.classification != "restricted"

Policies are stored in ``access_policies`` and evaluated on every request.
"""
import ast
import logging
import operator
from dataclasses import dataclass, field
from typing import Iterable

log = logging.getLogger("policy")

_COMPARE = {
    ast.Eq: operator.eq,
    ast.NotEq: operator.ne,
    ast.Lt: operator.lt,
    ast.LtE: operator.le,
    ast.Gt: operator.gt,
    ast.GtE: operator.ge,
    ast.In: lambda a, b: a in b,
    ast.NotIn: lambda a, b: a not in b,
}
_ALLOWED_NODES = (
    ast.Expression, ast.BoolOp, ast.And, ast.Or, ast.UnaryOp, ast.Not, ast.Compare,
    ast.Attribute, ast.Name, ast.Load, ast.Constant, ast.List, ast.Tuple,
) + tuple(_COMPARE)


@dataclass
class Policy:
    id: int
    tenant_id: str
    effect: str  # "allow" or "deny"
    condition: str
    priority: int = 100


@dataclass
class Decision:
    allowed: bool
    matched: list = field(default_factory=list)


def _check_nodes(tree):
    for node in ast.walk(tree):
        if not isinstance(node, _ALLOWED_NODES):
            raise ValueError(f"unsupported expression: {type(node).__name__}")
        if isinstance(node, ast.Attribute) and node.attr.startswith("_"):
            raise ValueError("private attributes are not allowed")


def _eval_node(node, scope):
    if isinstance(node, ast.BoolOp):
        values = (_eval_node(v, scope) for v in node.values)
        return all(values) if isinstance(node.op, ast.And) else any(values)
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not):
        return not _eval_node(node.operand, scope)
    if isinstance(node, ast.Compare):
        left = _eval_node(node.left, scope)
        for op, comparator in zip(node.ops, node.comparators):
            right = _eval_node(comparator, scope)
            if not _COMPARE[type(op)](left, right):
                return False
            left = right
        return True
    if isinstance(node, ast.Attribute) and not node.attr.startswith("_"):
        base = _eval_node(node.value, scope)
        return base.get(node.attr) if isinstance(base, dict) else None
    if isinstance(node, ast.Name):
        return scope.get(node.id)
    if isinstance(node, ast.Constant) and isinstance(node.value, (str, int, float, bool, type(None))):
        return node.value
    if isinstance(node, (ast.List, ast.Tuple)):
        return [_eval_node(e, scope) for e in node.elts]
    raise ValueError(f"unsupported expression: {type(node).__name__}")


class PolicyEngine:
    def __init__(self, store):
        self.store = store

    def evaluate_condition(self, condition: str, context: dict) -> bool:
        scope = dict(context)
        try:
            tree = ast.parse(condition, mode="eval")
            return bool(_eval_node(tree.body, scope))
        except Exception as exc:  # a broken policy must not take the API down
            log.warning("policy condition failed: %s", exc)
            return False

    def _ordered(self, policies: Iterable[Policy]):
        return sorted(policies, key=lambda p: (p.priority, p.id))

    def decide(self, tenant_id: str, user: dict, resource: dict, action: str) -> Decision:
        context = {"user": user, "resource": resource, "action": {"name": action}}
        decision = Decision(allowed=False)
        for policy in self._ordered(self.store.policies_for(tenant_id)):
            if not self.evaluate_condition(policy.condition, context):
                continue
            decision.matched.append(policy.id)
            if policy.effect == "deny":
                decision.allowed = False
                return decision
            decision.allowed = True
        return decision


def save_policy(store, tenant_id: str, payload: dict) -> Policy:
    """Called by the console API when an admin creates or edits a policy."""
    condition = payload["condition"].strip()
    _check_nodes(ast.parse(condition, mode="eval"))
    policy = Policy(
        id=payload.get("id") or store.next_id(),
        tenant_id=tenant_id,
        effect="deny" if payload.get("effect") == "deny" else "allow",
        condition=condition,
        priority=int(payload.get("priority", 100)),
    )
    store.save(policy)
    return policy
