"""Falcon API computing demurrage and detention charges for import containers."""
import json
import logging
from datetime import date

import falcon

log = logging.getLogger("demurrage")


def tiered_rule(days, free_days, rate_1, rate_2, teu):
    chargeable = max(0, days - free_days)
    first = min(chargeable, 7)
    second = max(0, chargeable - 7)
    return (first * rate_1 + second * rate_2) * teu


def flat_rule(days, free_days, rate_1, rate_2, teu):
    return max(0, days - free_days) * rate_1 * teu


RULES = {"tiered": tiered_rule, "flat": flat_rule}
DEFAULT_RULE = "tiered"

TARIFFS = {
    "STANDARD": {"free_days": 5, "rate_1": 75.0, "rate_2": 150.0},
    "REEFER": {"free_days": 3, "rate_1": 120.0, "rate_2": 240.0},
}


def apply_rule(rule_name: str, context: dict) -> float:
    rule = RULES.get(rule_name)
    if rule is None:
        raise ValueError("unknown rule %r" % rule_name)
    return float(rule(**context))


class DemurrageResource:
    def on_post(self, req: falcon.Request, resp: falcon.Response):
        body = req.get_media() or {}
        try:
            discharged = date.fromisoformat(body["discharged"])
            gate_out = date.fromisoformat(body.get("gate_out") or date.today().isoformat())
            teu = int(body.get("teu", 1))
        except (KeyError, ValueError):
            raise falcon.HTTPBadRequest(description="discharged/gate_out/teu invalid")
        tariff = TARIFFS.get(str(body.get("tariff", "STANDARD")).upper())
        if tariff is None:
            raise falcon.HTTPBadRequest(description="unknown tariff")
        rule = body.get("rule") or DEFAULT_RULE
        context = dict(tariff, days=(gate_out - discharged).days, teu=teu)
        try:
            charge = apply_rule(rule, context)
        except Exception as exc:
            log.warning("rule evaluation failed: %r", exc)
            raise falcon.HTTPUnprocessableEntity(description="rule error")
        resp.media = {"container": body.get("container_no"), "days": context["days"], "charge_usd": round(charge, 2)}


class TariffResource:
    def on_get(self, req, resp):
        resp.text = json.dumps({"tariffs": TARIFFS, "rules": sorted(RULES), "default_rule": DEFAULT_RULE})
        resp.content_type = falcon.MEDIA_JSON


app = falcon.App()
app.add_route("/demurrage", DemurrageResource())
app.add_route("/tariffs", TariffResource())
