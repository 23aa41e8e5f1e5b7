import joblib
from flask import request

def load():
    return str(joblib.load(request.files["model"]))  # VULN
