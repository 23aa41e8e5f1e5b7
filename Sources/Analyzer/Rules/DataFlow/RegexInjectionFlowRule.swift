import PythonSyntax

/// A regular expression built from untrusted data.
struct RegexInjectionFlowRule: DataFlowRule {
    static let description = RuleDescription(
        code: "ASC1333", name: "regex-injection-flow", cwe: 1333, severity: .medium, confidence: .medium,
        rationale: """
        A pattern taken from the requester can backtrack for minutes ((a+)+$) and stall the \
        service. Escape it with re.escape when you mean a literal, or limit input length.
        """,
        triggering: [
            "import re\nfrom flask import request\n\ndef search():\n    pattern = request.args[\"q\"]\n    return str(↓re.search(pattern, \"text\"))\n",
            "import re, sys\nrx = ↓re.compile(sys.argv[1])\n",
        ],
        nonTriggering: [
            "import re\nfrom flask import request\n\ndef search():\n    return str(re.search(re.escape(request.args[\"q\"]), \"text\"))\n",
            "import re\nfrom flask import request\n\ndef search():\n    return str(re.search(r\"\\\\d+\", request.args[\"q\"]))\n",
        ]
    )

    var sinkNoun: String { "a regular expression" }

    static let functions: Set<String> = ["re.compile", "re.search", "re.match", "re.fullmatch", "re.findall", "re.finditer", "re.sub", "re.subn", "re.split"]

    func sinkArguments(of call: CallSite, imports: ImportTable) -> [Expr] {
        Self.functions.contains(call.qualifiedName) ? SinkMatching.first(call, keyword: "pattern") : []
    }
}
