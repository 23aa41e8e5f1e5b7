import PythonSyntax

/// B108: paths in the shared, world-writable temporary directories.
struct HardcodedTempDirectoryRule: Rule {
    static let description = RuleDescription(
        code: "ASC108", name: "hardcoded-tmp-directory", banditID: "B108", cwe: 377, severity: .medium, confidence: .medium,
        rationale: """
        Every user can create files in /tmp, /var/tmp and /dev/shm, so a fixed name there can be \
        pre-created or symlinked by another account. Use tempfile.mkstemp / TemporaryDirectory, \
        which pick unpredictable names with safe permissions.
        """,
        triggering: [
            "with open(↓\"/tmp/report.txt\", \"w\") as f:\n    f.write(data)\n",
            // Reported where the file is made from the name the path is bound to.
            "EXPORT = \"/tmp/members.csv\"\n\ndef export(rows):\n    with ↓open(EXPORT, \"w\") as fh:\n        fh.writelines(rows)\n",
            "CACHE = ↓\"/var/tmp/app-cache\"\n",
            "path = ↓f\"/dev/shm/{name}.lock\"\n",
            // The directory handed to tempfile, and also joined with a fixed name.
            "import os, tempfile\nWORK_DIR = os.environ.get(\"WORK_DIR\", ↓\"/tmp\")\n\ndef convert(data):\n    fd, path = tempfile.mkstemp(dir=WORK_DIR)\n    return os.path.join(WORK_DIR, \"last.pdf\")\n",
        ],
        nonTriggering: [
            "import tempfile\nwith tempfile.NamedTemporaryFile() as f:\n    pass\n",
            "if path.startswith(\"/tmp/\"):\n    reject(path)\n",
            "\"\"\"/tmp/x is where the old version wrote.\"\"\"\n",
            "import os, uuid\npath = os.path.join(\"/tmp\", f\"{uuid.uuid4().hex}.png\")\n",
            "import secrets\npath = f\"/tmp/upload-{secrets.token_hex(16)}\"\n",
            // The directory, configurable, in which tempfile picks the names.
            "import os, tempfile\nWORK_DIR = os.environ.get(\"WORK_DIR\", \"/tmp\")\n\ndef convert(data):\n    fd, path = tempfile.mkstemp(suffix=\".pdf\", dir=WORK_DIR)\n    return path\n",
            "import tempfile\nout = tempfile.mkdtemp(prefix=\"job-\", dir=\"/var/tmp\")\n",
            // Handed to mktemp: the race is mktemp's (ASC306), reported where it is called.
            "import os, tempfile\nWORK_DIR = os.environ.get(\"WORK_DIR\", \"/tmp\")\n\ndef convert(data):\n    return tempfile.mktemp(dir=WORK_DIR)\n",
            // A Lambda (or Cloud Functions) handler's /tmp belongs to its sandbox alone.
            "import os\n\ndef handler(event, context):\n    path = os.path.join(\"/tmp\", event[\"key\"])\n    return path\n",
        ]
    )

    static let prefixes = ["/tmp", "/var/tmp", "/dev/shm"]

    /// Asked of every string constant: bytes compared, nothing built.
    static func isSharedTemp(_ text: String) -> Bool {
        let bytes = text.utf8
        guard bytes.first == UInt8(ascii: "/") else { return false }
        return prefixes.contains { prefix in
            let head = prefix.utf8
            guard bytes.starts(with: head) else { return false }
            let rest = bytes.dropFirst(head.count)
            return rest.isEmpty || rest.first == UInt8(ascii: "/")
        }
    }

    /// Calls whose result is random enough that another user cannot create the file first.
    static let unguessable: Set<String> = [
        "uuid.uuid4", "secrets.token_hex", "secrets.token_urlsafe", "secrets.token_bytes", "os.urandom",
    ]

    /// Whether `expression` holds a call to one of `unguessable` (`uuid.uuid4().hex`, inside
    /// an f-string too).
    static func holdsUnguessableName(_ expression: Expr, context: RuleContext) -> Bool {
        var found = false
        ScopeWalk.walk(expression) { node in
            if !found, case .call(let function, _, _) = node.kind, let name = context.imports.qualifiedName(of: function),
               unguessable.contains(name) {
                found = true
            }
            return !found
        }
        return found
    }

    /// The tempfile calls that make a file or directory of an unpredictable name inside `dir`.
    static let tempfileMakers: Set<String> = [
        "tempfile.mkstemp", "tempfile.mkdtemp", "tempfile.NamedTemporaryFile", "tempfile.TemporaryFile",
        "tempfile.SpooledTemporaryFile", "tempfile.TemporaryDirectory",
    ]

    /// The makers' own names, asked first of every call (no import lookup).
    static let tempfileMakerNames = Set(tempfileMakers.map { String($0.split(separator: ".").last!) })

    /// `/tmp` or `/var/tmp/` itself, no name inside it.
    static func isDirectoryItself(_ text: String) -> Bool {
        let trimmed = text.hasSuffix("/") && text.count > 1 ? String(text.dropLast()) : text
        return prefixes.contains(trimmed)
    }

    /// Whether the directory `path` is bound to a name (`WORK_DIR = "/tmp"`, or the default of
    /// `WORK_DIR = os.environ.get("WORK_DIR", "/tmp")`) that the file only hands to tempfile as
    /// the directory to make unpredictable names in (`tempfile.mkstemp(dir=WORK_DIR)`), or to
    /// `mktemp`, whose race ASC306 reports where it is called.
    static func onlyHoldsTempfiles(_ path: Expr, context: RuleContext) -> Bool {
        let module = context.parsed.module
        var bound: String?
        module.walkStatements { statement in
            guard bound == nil, case .assign(let targets, let value) = statement.kind, targets.count == 1,
                  case .name(let id, _) = targets[0].kind else { return }
            if value.loc.startByte == path.loc.startByte {
                bound = id
            } else if case .call(let function, let arguments, _) = value.kind, arguments.count == 2, arguments[1].loc.startByte == path.loc.startByte,
                      let name = context.imports.qualifiedName(of: function), name == "os.environ.get" || name == "os.getenv" {
                bound = id
            }
        }
        guard let name = bound else { return false }
        var uses = 0, tempfileDirectories = 0
        module.walk { node in
            guard case .expr(let expression) = node else { return true }
            if case .name(name, .load) = expression.kind { uses += 1 }
            // `tempfile.mktemp(dir=WORK_DIR)` too: its own rule (ASC306) reports the race there.
            if case .call(let function, _, let keywords) = expression.kind, let called = context.imports.qualifiedName(of: function),
               tempfileMakers.contains(called) || called == "tempfile.mktemp",
               keywords.contains(where: { if $0.arg == "dir", case .name(name, _) = $0.value.kind { true } else { false } }) {
                tempfileDirectories += 1
            }
            return true
        }
        return uses > 0 && uses == tempfileDirectories
    }

    var inspectsNodes: Bool { true }
    var nodeKinds: NodeKinds { [.otherStatement, .compare, .call, .constant, .formattedString] }

    /// Whether the file defines a serverless handler (`def handler(event, context)` at the top
    /// level): its /tmp is private to its own sandbox, so no other user can be there first.
    static func isServerlessFunction(_ module: Module) -> Bool {
        module.body.contains { statement in
            guard case .functionDef(_, let arguments, _, _, _, _, _) = statement.kind else { return false }
            return FunctionTable.isEventHandler(parameters: (arguments.posonlyargs + arguments.args).map(\.arg), atTopLevel: true)
        }
    }

    static let message = "a path in a shared temporary directory can be pre-created by another user"

    /// Reports a shared temporary path where the file is made: at the calls creating a file
    /// there from the name the path is bound to (`EXPORT = "/tmp/x.csv"` … `open(EXPORT, "w")`),
    /// else at the path itself; not again where the same path was already reported at a call
    /// creating it (`return "/tmp/x.bin"` after `open("/tmp/x.bin", "wb")`).
    static func report(_ path: Expr, context: inout RuleContext) {
        let module = context.parsed.module
        let creations = creatingCalls(context: context)
        if let name = boundName(of: path, in: module) {
            let uses = creations.filter { references(name, $0.path) }
            if !uses.isEmpty {
                for use in uses { context.report(use.call.loc, message, fixHint: "use the tempfile module") }
                return
            }
        }
        let text = context.text(of: path.loc)
        if !creations.contains(where: { $0.path.loc.startByte != path.loc.startByte && context.text(of: $0.path.loc) == text }) {
            context.report(path.loc, message, fixHint: "use the tempfile module")
        }
    }

    /// The name a `NAME = "/tmp/..."` statement (at any level) binds the path to.
    static func boundName(of path: Expr, in module: Module) -> String? {
        var name: String?
        module.walkStatements { statement in
            guard name == nil else { return }
            switch statement.kind {
            case .assign(let targets, let value) where targets.count == 1 && value.loc.startByte == path.loc.startByte:
                if case .name(let id, _) = targets[0].kind { name = id }
            case .annAssign(let target, _, let value?, _) where value.loc.startByte == path.loc.startByte:
                if case .name(let id, _) = target.kind { name = id }
            default:
                break
            }
        }
        return name
    }

    /// Whether a call's path argument is `name`, or built on it (`os.path.join(NAME, f)`,
    /// `Path(NAME) / f`, `f"{NAME}/x"`).
    static func references(_ name: String, _ path: Expr) -> Bool {
        switch path.kind {
        case .name(let id, _): return id == name
        case .call(_, let arguments, _): return arguments.first.map { references(name, $0) } ?? false
        case .binOp(let left, _, _): return references(name, left)
        case .joinedStr(let values):
            if let first = values.first, case .formattedValue(let inner, _, _) = first.kind { return references(name, inner) }
            return false
        default: return false
        }
    }

    /// Calls making a file or directory at a path, with that path: `open` and its kin, `os.mkdir`,
    /// `sqlite3.connect`, `logging.FileHandler`, archives opened for writing, `shutil` copies'
    /// destinations, `Path(p).write_text()` and the like.
    static let creators: Set<String> = [
        "open", "io.open", "codecs.open", "os.open", "os.mkdir", "os.makedirs", "os.mkfifo", "sqlite3.connect",
        "logging.FileHandler", "logging.handlers.RotatingFileHandler", "tarfile.open", "zipfile.ZipFile", "shelve.open", "dbm.open",
    ]
    static let copiers: Set<String> = ["shutil.copy", "shutil.copy2", "shutil.copyfile", "shutil.move", "shutil.copytree"]
    static let pathMethods: Set<String> = ["write_text", "write_bytes", "touch", "mkdir", "open", "to_csv", "savefig"]

    static func creatingCalls(context: RuleContext) -> [(call: Expr, path: Expr)] {
        if let known = context.facts.creatingCalls { return known }
        let found = findCreatingCalls(context: context)
        context.facts.creatingCalls = found
        return found
    }

    static func findCreatingCalls(context: RuleContext) -> [(call: Expr, path: Expr)] {
        var found: [(call: Expr, path: Expr)] = []
        context.parsed.module.walk { node in
            guard case .expr(let expression) = node, case .call(let function, let arguments, let keywords) = expression.kind else { return true }
            let name = context.imports.qualifiedName(of: function)
            if let name, creators.contains(name), let path = arguments.first ?? keywords.first(where: { $0.arg == "file" || $0.arg == "path" || $0.arg == "filename" })?.value {
                found.append((expression, path))
            } else if let name, copiers.contains(name), arguments.count >= 2 {
                found.append((expression, arguments[1]))
            } else if case .attribute(let receiver, let method, _) = function.kind, pathMethods.contains(method), name == nil || !creators.contains(name ?? "") {
                // `Path(EXPORT).write_text(...)`, `(Path(ROOT) / "x").touch()`, `frame.to_csv(EXPORT)`.
                if method == "to_csv" || method == "savefig" {
                    if let path = arguments.first { found.append((expression, path)) }
                } else if case .call(let maker, let made, _) = receiver.kind, context.imports.qualifiedName(of: maker) == "pathlib.Path", let path = made.first {
                    found.append((expression, path))
                } else if case .binOp = receiver.kind {
                    found.append((expression, receiver))
                }
            }
            return true
        }
        return found
    }

    func check(node: Node, context: inout RuleContext) {
        switch node {
        case .stmt(let statement):
            if case .expr(let value) = statement.kind, value.stringConstant != nil {
                context.skipDescendants(of: statement.loc)  // a docstring
            }
        case .expr(let expression):
            switch expression.kind {
            case .compare:
                context.skipDescendants(of: expression.loc)  // checking a path is not using it
            case .call(let function, let arguments, let keywords):
                // `path.startswith("/tmp")` and the like test a path; they do not create one.
                if case .attribute(_, let attr, _) = function.kind, attr == "startswith" || attr == "endswith",
                   arguments.contains(where: { $0.stringConstant.map(Self.isSharedTemp) ?? false }) {
                    context.skipDescendants(of: expression.loc)
                }
                // `tempfile.mkstemp(dir="/tmp")`: the module picks a name no one can guess.
                if keywords.contains(where: { $0.arg == "dir" }), Self.tempfileMakerNames.contains(ImportTable.lastName(of: function)),
                   let name = context.imports.qualifiedName(of: function), Self.tempfileMakers.contains(name),
                   let directory = CallSite(expression, imports: context.imports)?.argument("dir"),
                   directory.stringConstant.map(Self.isDirectoryItself) == true {
                    context.skipDescendants(of: directory.loc)
                }
                // `os.path.join("/tmp", f"{uuid.uuid4().hex}.png")`: a name no one can guess first.
                if case .attribute(_, "join", _) = function.kind, context.imports.qualifiedName(of: function) == "os.path.join",
                   arguments.contains(where: { Self.holdsUnguessableName($0, context: context) }) {
                    context.skipDescendants(of: expression.loc)
                }
            case .joinedStr(let values):
                if let first = values.first?.stringConstant, Self.isSharedTemp(first),
                   !values.contains(where: { Self.holdsUnguessableName($0, context: context) }),
                   !Self.isServerlessFunction(context.parsed.module) {
                    Self.report(expression, context: &context)
                }
                context.skipDescendants(of: expression.loc)
            case .constant(.str(let value), _):
                if Self.isSharedTemp(value.string), !Self.isServerlessFunction(context.parsed.module),
                   !(Self.isDirectoryItself(value.string) && Self.onlyHoldsTempfiles(expression, context: context)) {
                    Self.report(expression, context: &context)
                }
            default:
                break
            }
        default:
            break
        }
    }
}
