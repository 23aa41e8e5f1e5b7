import re
from flask import Flask, request
app = Flask(__name__)

@app.route("/find")
def find():
    word = re.escape(request.args["w"])
    return str(re.findall(word, "some text here"))
