import PythonSyntax

/// Untrusted data in a file path.
struct PathTraversalFlowRule: DataFlowRule {
    static let description = RuleDescription(
        code: "ASC1022", name: "path-traversal-flow", cwe: 22, severity: .high, confidence: .medium,
        rationale: """
        A path built from untrusted data can climb out of the intended directory (../../etc/passwd). \
        Keep only the file name (os.path.basename), or resolve it with os.path.realpath and \
        check it starts with the base directory before use.
        """,
        triggering: [
            // A resolved path made from the request, never checked.
            "import os\nfrom flask import abort, request\nROOT = \"/srv/fonts\"\n\n\ndef client_dir(code):\n    root = os.path.realpath(ROOT)\n    path = os.path.realpath(os.path.join(root, code))\n    ↓os.makedirs(path, exist_ok=True)\n    return path\n\n\ndef fonts():\n    return client_dir(request.args[\"client\"])\n",
            "from pathlib import Path\nfrom flask import request\n\ndef read():\n    return ↓(Path(\"/srv\") / request.args[\"p\"]).read_text()\n",
            "import os\nfrom flask import request\n\ndef read():\n    name = request.args[\"file\"]\n    path = os.path.join(\"/srv/files\", name)\n    with ↓open(path) as f:\n        return f.read()\n",
            "import shutil\nfrom flask import request\n\ndef drop():\n    ↓shutil.rmtree(\"/srv/users/\" + request.form[\"user\"])\n",
            "import os\nfrom flask import request\n\ndef upload():\n    f = request.files[\"doc\"]\n    ↓f.save(os.path.join(\"/srv/uploads\", f.filename))\n",
            "import os\nfrom fastapi import FastAPI\nfrom fastapi.responses import FileResponse\napp = FastAPI()\n\n@app.get(\"/f/{name}\")\ndef f(name: str):\n    return ↓FileResponse(os.path.join(\"/srv/files\", name))\n",
            // A route segment that admits dots admits `..`.
            "import os\nimport tornado.web\n\nclass Photos(tornado.web.RequestHandler):\n    def get(self, item):\n        self.write({\"photos\": ↓os.listdir(os.path.join(\"/srv/photos\", item))})\n\napp = tornado.web.Application([(r\"/items/([A-Za-z0-9._-]+)/photos\", Photos)])\n",
        ],
        nonTriggering: [
            // A resolved path whose parent must be the root itself (`os.path.dirname(path) != root`).
            "import os\nfrom flask import abort, request\nROOT = \"/srv/fonts\"\n\n\ndef client_dir(code):\n    root = os.path.realpath(ROOT)\n    path = os.path.realpath(os.path.join(root, code))\n    if os.path.dirname(path) != root:\n        abort(400)\n    os.makedirs(path, exist_ok=True)\n    return path\n\n\ndef fonts():\n    return str(os.listdir(client_dir(request.args[\"client\"])))\n",
            "import shutil, sys\nshutil.rmtree(sys.argv[1])\n",  // the operator's own command line
            // A Tornado route holding the segment to a word: no separator, no dot.
            "import os\nimport tornado.web\n\nclass Photos(tornado.web.RequestHandler):\n    def get(self, item):\n        self.write({\"photos\": os.listdir(os.path.join(\"/srv/photos\", item))})\n\napp = tornado.web.Application([(r\"/items/([A-Za-z0-9_-]+)/photos\", Photos)])\n",
            "from pathlib import Path\nfrom flask import request, abort\nBASE = Path(\"/srv\").resolve()\n\ndef read():\n    target = (BASE / request.args[\"p\"]).resolve()\n    try:\n        target.relative_to(BASE)\n    except ValueError:\n        abort(404)\n    return target.read_text()\n",
            "import os\nfrom flask import request\n\ndef read():\n    name = os.path.basename(request.args[\"file\"])\n    with open(os.path.join(\"/srv/files\", name)) as f:\n        return f.read()\n",
            "import zipfile\nfrom flask import request\n\ndef names():\n    with zipfile.ZipFile(request.files[\"f\"]) as z:\n        return z.namelist()\n",
            "import os\nfrom flask import request\nfrom werkzeug.utils import secure_filename\n\ndef upload():\n    f = request.files[\"doc\"]\n    f.save(os.path.join(\"/srv/uploads\", secure_filename(f.filename)))\n",
            "import os\nfrom flask import request, abort\nBASE = \"/srv/files\"\n\ndef read():\n    path = os.path.realpath(os.path.join(BASE, request.args[\"file\"]))\n    if not path.startswith(BASE):\n        abort(403)\n    with open(path) as f:\n        return f.read()\n",
        ]
    )

    var sinkNoun: String { "a file path" }

    static let functions: Set<String> = [
        "open", "io.open", "os.open", "os.remove", "os.unlink", "os.rmdir", "os.removedirs", "os.rename", "os.replace", "os.makedirs",
        "os.mkdir", "os.listdir", "os.chmod", "os.chown", "shutil.rmtree", "shutil.copy", "shutil.copy2", "shutil.copyfile",
        "shutil.copytree", "shutil.move", "flask.send_file", "codecs.open", "tarfile.open", "zipfile.ZipFile",
        // Responses that read the file at a path and send it.
        "fastapi.responses.FileResponse", "starlette.responses.FileResponse", "aiohttp.web.FileResponse", "sanic.response.file",
    ]

    static let pathMethods: Set<String> = ["read_text", "read_bytes", "write_text", "write_bytes", "unlink", "rmdir", "touch"]

    /// Names of where an upload is saved (`dest`, `target_path`); Bottle's
    /// `FileUpload.save(directory)` keeps the upload's own name there (`upload_dir`).
    static let destinationNames: Set<String> = [
        "dest", "destination", "target", "path", "filepath", "file_path", "save_path", "dest_path", "target_path",
        "target_dir", "dest_dir", "upload_dir", "save_dir",
    ]

    func sinkArguments(of call: CallSite, imports: ImportTable) -> [Expr] {
        if Self.functions.contains(call.qualifiedName) {
            if call.qualifiedName.hasPrefix("shutil.") || call.qualifiedName == "os.rename" || call.qualifiedName == "os.replace" {
                return Array(call.arguments.prefix(2))
            }
            return call.argument("file", position: 0).map { [$0] } ?? call.argument("path", position: 0).map { [$0] } ?? []
        }
        // `Path(base, name).read_text()`: the receiver is the path (these names are pathlib's).
        if let method = SinkMatching.method(call), Self.pathMethods.contains(method),
           case .attribute(let receiver, _, _) = call.function.kind {
            return [receiver]
        }
        // `upload.save(os.path.join(folder, upload.filename))`: a file written where the
        // request says (werkzeug's FileStorage.save, PIL's Image.save). Only a path joined in
        // the call: `.save` alone is too common a name to take any argument for a path.
        if SinkMatching.method(call) == "save", let destination = call.argument("dst", position: 0),
           let function = destination.callFunction, imports.qualifiedName(of: function) == "os.path.join" {
            return [destination]
        }
        // The same through a name the request's upload is saved to (`upload.save(dest)`) when
        // the file handles uploads (werkzeug's or a framework's request files).
        // An attribute so named counts too (`upload.save(target.path)`).
        if SinkMatching.method(call) == "save", let destination = call.argument("dst", position: 0),
           let id = { switch destination.kind { case .name(let id, _): id; case .attribute(_, let attr, _): attr; default: nil } }(),
           Self.destinationNames.contains(id),
           imports.imports("flask") || imports.imports("werkzeug") || imports.imports("quart") || imports.imports("bottle") {
            return [destination]
        }
        // boto3's `s3.download_file(bucket, key, filename)`: the local file written.
        if SinkMatching.method(call) == "download_file", imports.imports("boto3") {
            return call.argument("Filename", position: 2).map { [$0] } ?? []
        }
        return []
    }
}
