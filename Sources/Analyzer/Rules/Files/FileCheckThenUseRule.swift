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
        var checked: [(text: String, access: Bool)] = []
        var conditions = [test]
        while let condition = conditions.popLast() {
            switch condition.kind {
            case .boolOp(.and, let values): conditions.append(contentsOf: values)
            case .call(let function, let arguments, _):
                if let name = context.imports.qualifiedName(of: function), Self.checks.contains(name), let path = arguments.first {
                    checked.append((context.text(of: path.loc), name == "os.access"))
                }
            default: break
            }
        }
        guard !checked.isEmpty else { return }
        var reported = false
        ScopeWalk.walk(body) { inner in
            guard !reported, case .expr(let expression) = inner, case .call(let function, let arguments, _) = expression.kind,
                  let name = context.imports.qualifiedName(of: function), Self.uses.contains(name), let path = arguments.first,
                  let match = checked.first(where: { $0.text == context.text(of: path.loc) }) else { return !reported }
            reported = true
            context.report(expression.loc, "\(name) uses a path checked just before; it can change between the check and the use",
                           severity: match.access ? .medium : .low,
                           fixHint: "use the file directly and handle the error (or os.open with O_EXCL/O_NOFOLLOW)")
            return false
        }
    }
}
