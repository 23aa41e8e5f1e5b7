import PythonSyntax

/// CWE-1333: a constant regular expression whose backtracking can take exponential or
/// polynomial time on a crafted input.
struct RegexDenialOfServiceRule: Rule {
    static let description = RuleDescription(
        code: "ASC21333", name: "regex-catastrophic-backtracking", cwe: 1333, severity: .medium, confidence: .medium,
        rationale: """
        Python's re engine backtracks: a repeated group whose body can match the same text in \
        several ways ((a+)+, (\\w+\\s?)*) takes exponential time on a long almost-matching input, \
        and adjacent repeats of overlapping classes (\\d+\\d*) take polynomial time, so one request \
        can hold a worker for minutes. Make each part match distinct text ((\\w+\\s)*\\w+), bound \
        the repeats ({1,64}), limit the input length, or use the re2 engine.
        """,
        triggering: [
            "import re\nEMAIL = re.compile(↓r\"^([a-zA-Z0-9]+\\.?)+@example\\.com$\")\n",
            "import re\nwords = re.match(↓r\"(\\w+\\s?)+$\", text)\n",
            "import re\nnumber = re.fullmatch(↓r\"\\d+E?\\d+\", value)\n",
        ],
        nonTriggering: [
            "import re\nEMAIL = re.compile(r\"^[a-zA-Z0-9.]+@example\\.com$\")\n",
            "import re\nwords = re.match(r\"(\\w+\\s)*\\w+$\", text)\n",
            "import re\nkv = re.findall(r\"(\\w+)=(\\d+)\", text)\n",
            "import re\nparts = re.split(r\"\\s*,\\s*\", text)\n",
        ]
    )

    var callees: Set<String> {
        ["re.compile", "re.match", "re.search", "re.fullmatch", "re.findall", "re.finditer", "re.sub", "re.subn", "re.split"]
    }

    func check(call: CallSite, context: inout RuleContext) {
        guard let pattern = call.argument("pattern", position: 0), let text = pattern.stringConstant ?? pattern.bytesText,
              text.count < 2000, let shape = RegexShape(text) else { return }
        if shape.hasNestedQuantifier {
            context.report(pattern.loc, "regular expression with a nested repeat can backtrack exponentially",
                           fixHint: "make the repeated parts match distinct text, or bound the repeats")
        } else if shape.hasOverlappingAdjacentRepeats {
            context.report(pattern.loc, "regular expression with adjacent overlapping repeats can backtrack polynomially",
                           severity: .low, fixHint: "merge the adjacent repeats or make them match distinct characters")
        }
    }
}
