from lxml import etree
from flask import Flask, request
app = Flask(__name__)
tree = etree.parse("users.xml")

@app.route("/find")
def find():
    name = request.args.get("name")
    return str(tree.xpath("//user[@name='" + name + "']"))  # VULN flow
