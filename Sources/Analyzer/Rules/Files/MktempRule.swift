import PythonSyntax

/// B306: `tempfile.mktemp` returns a name that someone else can create first.
struct MktempRule: Rule {
    static let description = RuleDescription(
        code: "ASC306", name: "insecure-mktemp", banditID: "B306", cwe: 377, severity: .medium, confidence: .high,
        rationale: """
        tempfile.mktemp only returns a name; between that and opening it another process can \
        create the file or a symlink there. Use tempfile.mkstemp() or NamedTemporaryFile, which \
        create the file atomically, or mkdtemp for a directory.
        """,
        fixAvailable: true,
        triggering: [
            "import tempfile\npath = ↓tempfile.mktemp()\n",
            "from tempfile import mktemp\nname = ↓mktemp(suffix=\".txt\")\n",
        ],
        nonTriggering: [
            "import tempfile\nfd, path = tempfile.mkstemp()\n",
            "import tempfile\nwith tempfile.NamedTemporaryFile() as f:\n    pass\n",
        ]
    )

    var callees: Set<String> { ["tempfile.mktemp"] }

    func check(call: CallSite, context: inout RuleContext) {
        context.report(call.expression.loc, "tempfile.mktemp returns a predictable name that can be taken first (race)",
                       fixHint: "use tempfile.mkstemp or NamedTemporaryFile")
    }
}
