"""Auto-categorisation of expense lines using tenant-defined merchant rules."""
import logging
import re
from typing import Dict, List, Optional

from fastapi import FastAPI
from pydantic import BaseModel, Field

app = FastAPI(title="expense-rules")
log = logging.getLogger("expense.rules")


class Rule(BaseModel):
    category: str
    merchant_pattern: str = Field(..., max_length=200)
    min_amount: Optional[float] = None


class ExpenseLine(BaseModel):
    id: int
    merchant: str
    amount: float


class CategoriseRequest(BaseModel):
    rules: List[Rule]
    lines: List[ExpenseLine]


class CompiledRule:
    def __init__(self, rule: Rule):
        self.category = rule.category
        self.min_amount = rule.min_amount
        self.matcher = re.compile(re.escape(rule.merchant_pattern), re.IGNORECASE)

    def matches(self, line: ExpenseLine) -> bool:
        if self.min_amount is not None and line.amount < self.min_amount:
            return False
        return self.matcher.search(line.merchant) is not None


def compile_rules(rules: List[Rule]) -> List[CompiledRule]:
    compiled = []
    for rule in rules:
        try:
            compiled.append(CompiledRule(rule))
        except re.error:
            log.info("skipping rule for category %r: bad pattern", rule.category)
    return compiled


@app.post("/expenses/categorise")
def categorise(req: CategoriseRequest) -> Dict[str, object]:
    compiled = compile_rules(req.rules)
    assigned: Dict[int, str] = {}
    unmatched = []
    for line in req.lines:
        for rule in compiled:
            if rule.matches(line):
                assigned[line.id] = rule.category
                break
        else:
            unmatched.append(line.id)
    return {"assigned": assigned, "unmatched": unmatched}
