import ast
import operator

from bottle import Bottle, HTTPError, request

app = Bottle()
OPERATIONS = {"add": operator.add, "sub": operator.sub, "mul": operator.mul, "div": operator.truediv}


class PricingRule:
    def __init__(self, op_name, factor, tiers):
        if op_name not in OPERATIONS:
            raise ValueError(f"unknown operation {op_name!r}")
        self.op = OPERATIONS[op_name]
        self.factor = float(factor)
        self.tiers = sorted((int(q), float(d)) for q, d in tiers)

    def apply(self, base, qty):
        discount = max((d for q, d in self.tiers if qty >= q), default=0.0)
        return self.op(base * qty, self.factor) * (1 - discount)


@app.get("/pricing/preview")
def preview():
    q = request.query
    try:
        tiers = ast.literal_eval(q.get("tiers", "[]"))
        rule = PricingRule(q.get("op", "mul"), q.get("factor", "1"), tiers)
        total = rule.apply(float(q.get("base", "10")), int(q.get("qty", "1")))
    except (ValueError, TypeError, SyntaxError) as exc:
        raise HTTPError(400, str(exc))
    return {"total": round(total, 2)}
