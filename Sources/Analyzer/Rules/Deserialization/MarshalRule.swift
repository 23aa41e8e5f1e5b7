import PythonSyntax

/// B302: `marshal` loads, which are not safe on untrusted data.
struct MarshalRule: Rule {
    static let description = RuleDescription(
        code: "ASC302", name: "marshal-load", banditID: "B302", cwe: 502, severity: .medium, confidence: .high,
        rationale: """
        marshal is an internal format for .pyc files: it is not hardened against malformed or \
        malicious input and can load code objects. Exchange data as JSON (or another data-only \
        format) instead.
        """,
        triggering: [
            "import marshal\ncode = ↓marshal.loads(blob)\n",
            "from marshal import load\nobj = ↓load(f)\n",
        ],
        nonTriggering: [
            "import marshal\nblob = marshal.dumps(obj)\n",
            "import json\nobj = json.loads(text)\n",
        ]
    )

    var callees: Set<String> { ["marshal.load", "marshal.loads"] }

    func check(call: CallSite, context: inout RuleContext) {
        context.report(call.expression.loc, "\(call.qualifiedName) is unsafe on untrusted data", fixHint: "use JSON")
    }
}
