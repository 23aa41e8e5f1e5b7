from flask import Flask, request
app = Flask(__name__)

@app.route("/calc")
def calc():
    expr = request.form["expr"]
    result = eval(expr)  # VULN flow
    return str(result)
