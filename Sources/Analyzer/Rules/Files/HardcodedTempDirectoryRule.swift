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
        ]
    )

    static let prefixes = ["/tmp", "/var/tmp", "/dev/shm"]

    static func isSharedTemp(_ text: String) -> Bool {
        prefixes.contains { text == $0 || text.hasPrefix($0 + "/") }
    }

    var inspectsNodes: Bool { true }
    var nodeKinds: NodeKinds { .statements }

    func check(node: Node, context: inout RuleContext) {
        guard case .stmt(let statement) = node else { return }
        if case .expr(let value) = statement.kind, value.stringConstant != nil { return }  // a docstring
        statement.walkOwnExpressions { expression in
            switch expression.kind {
            case .compare:
                return false  // checking a path is not using it
            case .call(let function, let arguments, _):
                // `path.startswith("/tmp")` and the like test a path; they do not create one.
                if case .attribute(_, let attr, _) = function.kind, attr == "startswith" || attr == "endswith" {
                    return !arguments.contains { $0.stringConstant.map(Self.isSharedTemp) ?? false }
                }
                return true
            case .joinedStr(let values):
                if let first = values.first?.stringConstant, Self.isSharedTemp(first) {
                    context.report(expression.loc, "a path in a shared temporary directory can be pre-created by another user",
                                   fixHint: "use the tempfile module")
                }
                return false
            case .constant(.str(let value), _):
                if Self.isSharedTemp(value.string) {
                    context.report(expression.loc, "a path in a shared temporary directory can be pre-created by another user",
                                   fixHint: "use the tempfile module")
                }
                return false
            default:
                return true
            }
        }
    }
}
