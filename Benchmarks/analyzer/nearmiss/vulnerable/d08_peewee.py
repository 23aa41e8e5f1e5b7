from flask import request
from models import db

def find():
    name = request.args["name"]
    return db.execute_sql("SELECT * FROM person WHERE name = '%s'" % name).fetchall()  # VULN flow
