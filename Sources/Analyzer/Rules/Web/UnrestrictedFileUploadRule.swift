import PythonSyntax

/// CWE-434: an uploaded file saved under the name the client chose, without
/// `secure_filename` or an extension check.
struct UnrestrictedFileUploadRule: Rule {
    static let description = RuleDescription(
        code: "ASC2434", name: "unrestricted-file-upload", cwe: 434, severity: .high, confidence: .medium,
        rationale: """
        The client picks an upload's filename and content: saved as is, "../app.py" or \
        "shell.php" lands where it is executed or served. Pass the name through \
        werkzeug.utils.secure_filename, accept only an allow-list of extensions, and store \
        uploads outside the web root (ideally under a generated name).
        """,
        triggering: [
            "from flask import request\n\n@app.route(\"/upload\", methods=[\"POST\"])\ndef upload():\n    f = request.files[\"file\"]\n    ↓f.save(os.path.join(UPLOADS, f.filename))\n    return \"ok\"\n",
            "from flask import request\n\ndef upload():\n    if \"avatar\" not in request.files:\n        abort(400)\n    upload = request.files.get(\"avatar\")\n    name = upload.filename\n    ↓upload.save(\"static/avatars/\" + name)\n",
            "from flask import request\nfrom werkzeug.utils import secure_filename\n\ndef upload():\n    f = request.files[\"file\"]\n    ↓f.save(os.path.join(STATIC_DIR, secure_filename(f.filename)))\n",
        ],
        nonTriggering: [
            "from flask import request\nfrom werkzeug.utils import secure_filename\n\ndef upload():\n    f = request.files[\"file\"]\n    name = secure_filename(f.filename)\n    if name.rsplit(\".\", 1)[-1].lower() not in ALLOWED:\n        abort(400)\n    f.save(os.path.join(UPLOADS, name))\n",
            "from flask import request\n\ndef upload():\n    f = request.files[\"file\"]\n    if not f.filename.lower().endswith((\".png\", \".jpg\")):\n        abort(400)\n    f.save(os.path.join(UPLOADS, f.filename))\n",
            "from flask import request\n\ndef upload():\n    f = request.files[\"file\"]\n    if f and allowed_file(f.filename):\n        f.save(os.path.join(UPLOADS, f.filename))\n",
            "from flask import request\nimport uuid\n\ndef upload():\n    f = request.files[\"file\"]\n    f.save(os.path.join(UPLOADS, uuid.uuid4().hex))\n",
            // A safe name in a private store: no web server hands it out as a page.
            "from flask import request\nfrom werkzeug.utils import secure_filename\n\ndef upload(user):\n    f = request.files[\"file\"]\n    f.save(os.path.join(private_dir(user), secure_filename(f.filename)))\n",
        ]
    )

    var inspectsNodes: Bool { true }
    var nodeKinds: NodeKinds { .functionDef }
    /// Walking every function body is the costly part: only web code can receive uploads.
    var requiredImports: [String] { ["flask", "werkzeug", "django", "starlette", "fastapi", "quart"] }

    func check(node: Node, context: inout RuleContext) {
        guard case .stmt(let statement) = node, case .functionDef(_, _, let body, _, _, _, _) = statement.kind else { return }
        var uploads: Set<String> = []
        var names: Set<String> = []
        var sanitized = false
        var typeChecked = false
        var saves: [(call: Expr, path: Expr)] = []
        ScopeWalk.walk(body) { inner in
            switch inner {
            case .stmt(let current):
                if case .assign(let targets, let value) = current.kind {
                    let ids = targets.compactMap { target -> String? in if case .name(let id, _) = target.kind { return id } else { return nil } }
                    if isUpload(value, context: context) { uploads.formUnion(ids) }
                    if readsFilename(value, uploads: uploads) { names.formUnion(ids) }
                }
            case .expr(let expression):
                switch expression.kind {
                case .call(let function, let arguments, _):
                    if let name = context.imports.qualifiedName(of: function), name.hasSuffix("secure_filename") { sanitized = true }
                    // `allowed_file(f.filename)`, `validate_extension(...)`: a check in a helper.
                    let callee: String
                    switch function.kind {
                    case .name(let id, _): callee = id.lowercased()
                    case .attribute(_, let attr, _): callee = attr.lowercased()
                    default: callee = ""
                    }
                    if ["allowed", "valid", "extension"].contains(where: callee.contains) { typeChecked = true }
                    if case .attribute(_, let method, _) = function.kind,
                       ["endswith", "splitext", "rsplit", "rpartition", "guess_type", "from_buffer", "what"].contains(method) {
                        typeChecked = true
                    }
                    if case .attribute(let receiver, "save", _) = function.kind, case .name(let id, _) = receiver.kind, uploads.contains(id),
                       let path = arguments.first {
                        saves.append((expression, path))
                    }
                case .compare(let left, let ops, _):
                    // `ext in ALLOWED`; not `"file" in request.files`.
                    if ops.contains(.in) || ops.contains(.notIn), left.stringConstant == nil { typeChecked = true }
                default:
                    break
                }
            default:
                break
            }
            return true
        }
        // A checked extension with a raw name is path traversal (CWE-22), reported by the taint rules.
        guard !typeChecked else { return }
        for save in saves where readsFilename(save.path, uploads: uploads) || mentions(save.path, names) {
            if sanitized {
                // A safe name of any type matters where the web server hands files out as they
                // are (a static, public or media folder: `.html` runs script there), not in a
                // private store.
                let destination = context.parsed.text(of: save.path.loc).lowercased()
                guard Self.servedFolderWords.contains(where: destination.contains) else { continue }
                context.report(save.call.loc, "uploaded file saved without checking its extension or type", severity: .medium,
                               fixHint: "accept only an allow-list of extensions")
            } else {
                context.report(save.call.loc, "uploaded file saved under the client's filename without secure_filename or an extension check",
                               fixHint: "use werkzeug.utils.secure_filename and an allow-list of extensions")
            }
        }
    }

    /// Words naming a folder a web server serves as it is.
    static let servedFolderWords = ["static", "public", "media", "www", "htdocs", "assets", "avatar", "image", "img", "cdn"]

    /// `request.files["f"]`, `request.files.get("f")`, `request.files.getlist(...)[i]`.
    private func isUpload(_ expression: Expr, context: RuleContext) -> Bool {
        var found = false
        ScopeWalk.walk(expression) { current in
            if case .attribute(let base, "files", _) = current.kind, let name = context.imports.qualifiedName(of: base),
               name == "flask.request" || name.hasSuffix(".request") || name == "request" {
                found = true
            }
            return !found
        }
        return found
    }

    private func readsFilename(_ expression: Expr, uploads: Set<String>) -> Bool {
        var found = false
        ScopeWalk.walk(expression) { current in
            if case .attribute(let base, "filename", _) = current.kind, case .name(let id, _) = base.kind, uploads.contains(id) { found = true }
            return !found
        }
        return found
    }

    private func mentions(_ expression: Expr, _ names: Set<String>) -> Bool {
        var found = false
        ScopeWalk.walk(expression) { current in
            if case .name(let id, _) = current.kind, names.contains(id) { found = true }
            return !found
        }
        return found
    }
}
