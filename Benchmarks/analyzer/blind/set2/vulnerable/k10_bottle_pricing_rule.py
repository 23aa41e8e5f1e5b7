from bottle import Bottle, request

app = Bottle()


class PricingRule:
    def __init__(self, expression):
        self.expression = expression

    def apply(self, base, qty):
        scope = {"base": base, "qty": qty, "min": min, "max": max}
        return eval(self.expression, {"__builtins__": {}}, scope)  # VULN flow


@app.get("/pricing/preview")
def preview():
    rule = PricingRule(request.query.get("rule", "base * qty"))
    base = float(request.query.get("base", "10"))
    qty = int(request.query.get("qty", "1"))
    return {"total": rule.apply(base, qty)}


if __name__ == "__main__":
    app.run(host="127.0.0.1", port=8080)
