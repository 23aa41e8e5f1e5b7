import PythonSyntax

/// Untrusted text matched against a constant regular expression that backtracks
/// exponentially: the denial of service happens where the attacker's text meets the pattern,
/// so it is reported there, with the pattern's line on the path (and the pattern's own alarm,
/// `RegexDenialOfServiceRule`, folded into it).
struct RegexBacktrackingFlowRule: DataFlowRule {
    static let description = RuleDescription(
        code: "ASC31333", name: "regex-backtracking-flow", cwe: 1333, severity: .medium, confidence: .high,
        rationale: """
        A pattern with a nested repeat ((a+)+, ([a-z0-9]+\\.?)+@) takes exponential time on a long \
        almost-matching text, and here the text is the requester's: one request can hold a worker \
        for minutes. Make the repeated parts match distinct text, bound the repeats and the input's \
        length, or use the re2 engine.
        """,
        triggering: [
            "import re\nfrom flask import request\nUSER = re.compile(r\"^([a-z0-9]+\\.?)+$\")\n\ndef check():\n    return str(bool(↓USER.match(request.args[\"name\"])))\n",
            "import re\nfrom flask import request\n\ndef check():\n    return str(bool(↓re.match(r\"(\\w+\\s?)+$\", request.args[\"q\"])))\n",
        ],
        nonTriggering: [
            // A pattern whose parts match distinct text.
            "import re\nfrom flask import request\nUSER = re.compile(r\"^[a-z0-9]+(\\.[a-z0-9]+)*$\")\n\ndef check():\n    return str(bool(USER.match(request.args[\"name\"])))\n",
            // The server's own text.
            "import re\nUSER = re.compile(r\"^([a-z0-9]+\\.?)+$\")\nok = USER.match(\"admin\")\n",
        ]
    )

    var sinkNoun: String { "a regular expression that backtracks exponentially" }

    /// The `re` functions and compiled-pattern methods that match a text, with the text's
    /// position after the pattern (`re.sub(pattern, repl, string)`).
    static let textPosition: [String: Int] = [
        "match": 0, "search": 0, "fullmatch": 0, "findall": 0, "finditer": 0, "split": 0, "sub": 1, "subn": 1,
    ]

    /// Whether a constant pattern backtracks exponentially (a nested repeat).
    static func backtracks(_ pattern: Expr?) -> Bool {
        guard let pattern, let text = pattern.stringConstant ?? pattern.bytesText, text.count < 2000,
              let shape = RegexShape(text) else { return false }
        return shape.hasNestedQuantifier
    }

    func sinkArguments(of call: CallSite, imports: ImportTable) -> [Expr] {
        if call.qualifiedName.hasPrefix("re."), let position = Self.textPosition[String(call.qualifiedName.dropFirst(3))] {
            // `re.match(r"(a+)+$", text)`.
            guard Self.backtracks(call.argument("pattern", position: 0)) else { return [] }
            return call.argument("string", position: position + 1).map { [$0] } ?? []
        }
        // `USER.match(text)` on a name bound to a compiled pattern (`configurationMakesSafe` decides).
        guard case .attribute(let receiver, let method, _) = call.function.kind, case .name = receiver.kind,
              let position = Self.textPosition[method] else { return [] }
        return call.argument("string", position: position).map { [$0] } ?? []
    }

    func configuringArguments(of call: CallSite) -> [Expr] {
        guard !call.qualifiedName.hasPrefix("re."), case .attribute(let receiver, _, _) = call.function.kind else { return [] }
        return [receiver]
    }

    /// Safe unless the name holds `re.compile` of a pattern that backtracks exponentially.
    func configurationMakesSafe(_ value: Expr, boundTo name: String, in module: Module, imports: ImportTable) -> Bool {
        guard case .call(let function, let arguments, let keywords) = value.kind, imports.qualifiedName(of: function) == "re.compile" else { return true }
        return !Self.backtracks(arguments.first ?? keywords.first(where: { $0.arg == "pattern" })?.value)
    }

    func sinkRequiresConfiguration(_ call: CallSite) -> Bool { !call.qualifiedName.hasPrefix("re.") }
}
