from lxml import etree
from flask import Flask, request
app = Flask(__name__)
tree = etree.parse("users.xml")

@app.route("/u")
def u():
    return str(tree.xpath("//user[@name=$name]", name=request.args["name"]))
