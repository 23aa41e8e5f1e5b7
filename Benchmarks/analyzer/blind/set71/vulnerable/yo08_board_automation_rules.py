"""Automation rules for kanban boards.

Board admins can attach rules such as

    when: card_moved
    condition: "card['priority'] >= 3 and column == 'Review'"
    action: assign_reviewer

Rules are stored per board and evaluated whenever a card event fires.
"""
import logging
from dataclasses import dataclass
from typing import Callable, Dict, List

log = logging.getLogger("kanban.automation")


@dataclass
class Rule:
    id: int
    board_id: int
    trigger: str
    condition: str
    action: str


ACTIONS: Dict[str, Callable] = {}


def action(name):
    def wrap(fn):
        ACTIONS[name] = fn
        return fn
    return wrap


@action("assign_reviewer")
def assign_reviewer(card, ctx):
    reviewers = ctx.get("reviewers", [])
    if reviewers:
        card["assignee"] = reviewers[card["id"] % len(reviewers)]


@action("add_label")
def add_label(card, ctx):
    card.setdefault("labels", []).append(ctx.get("label", "auto"))


class RuleEngine:
    def __init__(self, repo):
        self.repo = repo

    def rules_for(self, board_id: int, trigger: str) -> List[Rule]:
        return [Rule(**r) for r in self.repo.fetch_rules(board_id, trigger)]

    def matches(self, rule: Rule, card: dict, column: str) -> bool:
        scope = {"card": card, "column": column, "len": len}
        expr = rule.condition.strip() or "True"
        return bool(eval(expr, {"__builtins__": {}}, scope))  # VULN flow

    def fire(self, board_id: int, trigger: str, card: dict, column: str, ctx: dict):
        applied = []
        for rule in self.rules_for(board_id, trigger):
            try:
                if not self.matches(rule, card, column):
                    continue
            except Exception:
                log.exception("rule %d failed to evaluate", rule.id)
                continue
            handler = ACTIONS.get(rule.action)
            if handler is None:
                log.warning("rule %d references unknown action", rule.id)
                continue
            handler(card, ctx)
            applied.append(rule.id)
        return applied


def create_rule(repo, board_id: int, payload: dict) -> int:
    """Validate and persist a rule submitted from the board settings page."""
    if payload.get("action") not in ACTIONS:
        raise ValueError("unknown action")
    if payload.get("trigger") not in {"card_moved", "card_created", "card_updated"}:
        raise ValueError("unknown trigger")
    return repo.insert_rule(board_id, payload["trigger"], payload.get("condition", ""), payload["action"])
