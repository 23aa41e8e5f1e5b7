import os
from flask import Flask, request, abort
from werkzeug.utils import secure_filename
app = Flask(__name__)
ALLOWED_EXTENSIONS = {".png", ".jpg", ".gif"}

@app.route("/up", methods=["POST"])
def up():
    f = request.files["file"]
    name = secure_filename(f.filename)
    if os.path.splitext(name)[1].lower() not in ALLOWED_EXTENSIONS:
        abort(400)
    f.save(os.path.join("/srv/uploads", name))
    return "ok"
