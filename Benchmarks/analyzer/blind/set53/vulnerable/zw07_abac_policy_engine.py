"""Attribute-based access policies for the tenant admin API.

Tenant admins author policy conditions in the console, for example::

    user.department == "finance" and resource.classification != "restricted"

Policies are stored in ``access_policies`` and evaluated on every request.
"""
import logging
from dataclasses import dataclass, field
from types import SimpleNamespace
from typing import Iterable

log = logging.getLogger("policy")


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


def _namespace(value):
    if isinstance(value, dict):
        return SimpleNamespace(**{k: _namespace(v) for k, v in value.items()})
    return value


class PolicyEngine:
    def __init__(self, store):
        self.store = store

    def evaluate_condition(self, condition: str, context: dict) -> bool:
        scope = {name: _namespace(value) for name, value in context.items()}
        try:
            return bool(eval(condition, {"__builtins__": {}}, scope))  # VULN flow
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
    compile(condition, "<policy>", "eval")  # syntax check only
    policy = Policy(
        id=payload.get("id") or store.next_id(),
        tenant_id=tenant_id,
        effect="deny" if payload.get("effect") == "deny" else "allow",
        condition=condition,
        priority=int(payload.get("priority", 100)),
    )
    store.save(policy)
    return policy
