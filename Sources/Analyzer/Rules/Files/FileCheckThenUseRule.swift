import PythonSyntax

/// CWE-367: a path checked (`os.path.exists`, `os.access`) and then used in the branch that
/// trusts the check; the file can change in between.
struct FileCheckThenUseRule: Rule {
    static let description = RuleDescription(
        code: "ASC2367", name: "file-check-then-use-race", cwe: 367, severity: .low, confidence: .medium,
        rationale: """
        Between the check and the use another process can create, replace or symlink the path, \
        so the check proves nothing (time-of-check to time-of-use). Act directly and handle the \
        failure: try: open(path) except FileNotFoundError; use os.open with O_CREAT | O_EXCL \
        or O_NOFOLLOW, and never use os.access to grant permission.
        """,
        triggering: [
            "import os\nif os.access(path, os.W_OK):\n    with ↓open(path, \"w\") as f:\n        f.write(data)\n",
            "import os\nif os.path.isfile(path):\n    ↓os.chmod(path, 0o600)\n",
            // A path the caller names, checked then read.
            "import os\n\ndef read_file(name):\n    if os.path.exists(name):\n        with ↓open(name) as f:\n            return f.read()\n",
            // A link check is a security decision, even before a read.
            "import os\nif not os.path.islink(path) and os.path.isfile(path):\n    data = ↓open(path).read()\n",
            "from os import path\nimport shutil\nif path.isfile(src) and ready:\n    ↓shutil.move(src, dst)\n",
        ],
        nonTriggering: [
            "import os\ntry:\n    os.remove(path)\nexcept FileNotFoundError:\n    pass\n",
            "import os\nif os.path.exists(config):\n    os.remove(backup)\n",  // another path
            "import os, shutil\nif os.path.isdir(backup):\n    shutil.rmtree(backup)\n",
            "import os\nif os.path.exists(dest):\n    os.rename(dest, dest + \".bak\")\n",
            // Removing a path after a check: a swapped-in link is removed itself, never followed.
            "import os\n\ndef clean(tmp):\n    if os.path.exists(tmp.name):\n        os.remove(tmp.name)\n",
            "import os\nif os.path.exists(path):\n    log(path)\nelse:\n    open(path, \"w\").close()\n",
            // Reading a file of its own that exists: the check decides nothing a swapped file could abuse.
            "import os, json\nif os.path.exists(self.path):\n    with open(self.path, encoding=\"utf-8\") as fh:\n        rules = json.load(fh)\n",
        ]
    )

    static let checks: Set<String> = ["os.path.exists", "os.path.isfile", "os.path.isdir", "os.path.lexists", "os.path.islink", "os.access"]
    static let uses: Set<String> = [
        // Not os.remove, os.unlink, os.rmdir, os.rename, os.replace: they act on the link itself,
        // never where it points. Nor shutil.rmtree, which refuses a symbolic link swapped in and
        // never follows one inside the tree.
        "open", "io.open", "os.open", "codecs.open", "os.chmod", "os.chown",
        "os.lchown", "os.truncate", "os.symlink", "os.link", "shutil.move",
        "shutil.copy", "shutil.copyfile", "shutil.copy2", "shutil.copytree", "shutil.chown", "tarfile.open", "zipfile.ZipFile",
    ]

    var inspectsNodes: Bool { true }
    var nodeKinds: NodeKinds { .ifStatement }

    func check(node: Node, context: inout RuleContext) {
        guard case .stmt(let statement) = node, case .if(let test, let body, _) = statement.kind else { return }
        var checked: [(text: String, access: Bool, decides: Bool)] = []
        var conditions = [test]
        while let condition = conditions.popLast() {
            switch condition.kind {
            case .boolOp(.and, let values): conditions.append(contentsOf: values)
            // `not os.path.islink(path)`: the guard against a link (a negated existence test
            // guards nothing the body relies on).
            case .unaryOp(.not, let operand):
                if case .call(let function, _, _) = operand.kind, context.imports.qualifiedName(of: function) == "os.path.islink" {
                    conditions.append(operand)
                }
            case .call(let function, let arguments, _):
                if let name = context.imports.qualifiedName(of: function), Self.checks.contains(name), let path = arguments.first {
                    checked.append((context.text(of: path.loc), name == "os.access", name == "os.access" || name == "os.path.islink"))
                }
            default: break
            }
        }
        guard !checked.isEmpty else { return }
        var reported = false
        ScopeWalk.walk(body) { inner in
            guard !reported, case .expr(let expression) = inner, case .call(let function, let arguments, let keywords) = expression.kind,
                  let name = context.imports.qualifiedName(of: function), Self.uses.contains(name), let path = arguments.first,
                  case let matches = checked.filter({ $0.text == context.text(of: path.loc) }), !matches.isEmpty,
                  matches.contains(where: \.decides) || !Self.opensForReading(name, arguments: arguments, keywords: keywords)
                    || Self.isParameter(path, context: context) else { return !reported }
            reported = true
            let access = matches.contains(where: \.access)
            context.report(expression.loc, "\(name) uses a path checked just before; it can change between the check and the use",
                           severity: access ? .medium : .low,
                           fixHint: "use the file directly and handle the error (or os.open with O_EXCL/O_NOFOLLOW)")
            return false
        }
    }

    /// A parameter of the function around: a path its caller names, whatever it points to
    /// (`def read_file(name): if os.path.exists(name): open(name)`), where a path the function
    /// builds itself under its own folders is its own file.
    static func isParameter(_ path: Expr, context: RuleContext) -> Bool {
        guard case .name(let id, _) = path.kind, let function = context.parsed.module.innermostFunction(around: path.loc.startByte),
              case .functionDef(_, let arguments, _, _, _, _, _) = function.kind else { return false }
        return arguments.all.contains { $0.arg == id }
    }

    /// `open(path)` or `open(path, "rb")`: a read of a path checked only for existence races
    /// harmlessly (the file read is whatever the path names at the open, checked or not).
    static func opensForReading(_ name: String, arguments: [Expr], keywords: [Keyword]) -> Bool {
        guard ["open", "io.open", "codecs.open"].contains(name) else { return false }
        let mode = keywords.first(where: { $0.arg == "mode" })?.value ?? (arguments.count > 1 ? arguments[1] : nil)
        guard let mode else { return true }
        guard case .constant(.str(let text), _) = mode.kind else { return false }
        return !text.string.contains(where: { "wax+".contains($0) })
    }
}
