"""Rating stage of the billing mediation chain.

Wholesale MVNO partners upload their own rating rule sets through the
partner portal; the portal drops them as JSON next to the CDR batches and
this stage applies them to every normalised usage record.
"""
import json
import logging
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

log = logging.getLogger("mediation.rating")

RULES_DIR = Path("/srv/mediation/partner_rules")


@dataclass
class RatingRule:
    name: str
    condition: str
    rate_per_unit: Decimal
    unit: str = "second"


@dataclass
class RuleSet:
    partner_id: str
    rules: list = field(default_factory=list)

    @classmethod
    def from_file(cls, path: Path) -> "RuleSet":
        doc = json.loads(path.read_text())
        rules = [
            RatingRule(r["name"], r["when"], Decimal(str(r["rate"])), r.get("unit", "second"))
            for r in doc.get("rules", [])
        ]
        return cls(partner_id=doc["partner_id"], rules=rules)


class RatingEngine:
    def __init__(self, ruleset: RuleSet):
        self.ruleset = ruleset

    def _matches(self, rule: RatingRule, record: dict) -> bool:
        ctx = {
            "duration": int(record.get("duration", 0)),
            "zone": record.get("zone", ""),
            "service": record.get("service", "voice"),
            "roaming": bool(record.get("roaming")),
            "hour": int(record.get("hour", 0)),
        }
        expression = rule.condition.strip()
        return bool(eval(expression, {"__builtins__": {}}, ctx))  # VULN flow

    def rate(self, record: dict) -> Decimal:
        for rule in self.ruleset.rules:
            if self._matches(rule, record):
                units = Decimal(record.get("duration", 0))
                if rule.unit == "minute":
                    units = (units / 60).to_integral_value(rounding="ROUND_CEILING")
                return units * rule.rate_per_unit
        return Decimal("0")


def rate_batch(partner_id: str, records):
    ruleset = RuleSet.from_file(RULES_DIR / f"{partner_id}.json")
    engine = RatingEngine(ruleset)
    total = Decimal("0")
    for rec in records:
        rec["charge"] = engine.rate(rec)
        total += rec["charge"]
    log.info("rated %d records for partner %r, total %s", len(records), partner_id, total)
    return records
