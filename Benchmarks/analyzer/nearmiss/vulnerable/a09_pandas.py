import pandas as pd
from flask import Flask, request
from db import engine
app = Flask(__name__)

@app.route("/r")
def r():
    q = "SELECT * FROM sales WHERE region = '%s'" % request.args["region"]
    return pd.read_sql(q, engine).to_json()  # VULN flow
