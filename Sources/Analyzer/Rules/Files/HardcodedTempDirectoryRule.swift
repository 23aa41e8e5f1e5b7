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
            "CACHE = ↓\"/var/tmp/app-cache\"\n",
            "path = ↓f\"/dev/shm/{name}.lock\"\n",
        ],
        nonTriggering: [
            "import tempfile\nwith tempfile.NamedTemporaryFile() as f:\n    pass\n",
            "if path.startswith(\"/tmp/\"):\n    reject(path)\n",
            "\"\"\"/tmp/x is where the old version wrote.\"\"\"\n",
            "import os, uuid\npath = os.path.join(\"/tmp\", f\"{uuid.uuid4().hex}.png\")\n",
            "import secrets\npath = f\"/tmp/upload-{secrets.token_hex(16)}\"\n",
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
            case .call(let function, let arguments, _):
                // `path.startswith("/tmp")` and the like test a path; they do not create one.
                if case .attribute(_, let attr, _) = function.kind, attr == "startswith" || attr == "endswith",
                   arguments.contains(where: { $0.stringConstant.map(Self.isSharedTemp) ?? false }) {
                    context.skipDescendants(of: expression.loc)
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
                    context.report(expression.loc, "a path in a shared temporary directory can be pre-created by another user",
                                   fixHint: "use the tempfile module")
                }
                context.skipDescendants(of: expression.loc)
            case .constant(.str(let value), _):
                if Self.isSharedTemp(value.string), !Self.isServerlessFunction(context.parsed.module) {
                    context.report(expression.loc, "a path in a shared temporary directory can be pre-created by another user",
                                   fixHint: "use the tempfile module")
                }
            default:
                break
            }
        default:
            break
        }
    }
}
