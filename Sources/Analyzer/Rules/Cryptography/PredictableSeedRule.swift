import PythonSyntax

/// CWE-336: the random generator seeded with a constant or the current time.
struct PredictableSeedRule: Rule {
    static let description = RuleDescription(
        code: "ASC2336", name: "predictable-random-seed", cwe: 336, severity: .low, confidence: .high,
        rationale: """
        A generator seeded with a constant or the clock produces a sequence anyone can replay, \
        so every "random" value drawn from it (tokens, IDs, passwords, shuffles) can be predicted. \
        For security values use the secrets module (secrets.token_urlsafe(32)); seed only in tests.
        """,
        triggering: [
            "import random\n↓random.seed(42)\ntoken = \"\".join(random.choice(ALPHABET) for _ in range(16))\n",
            "import random, time\n↓random.seed(time.time())\n",
            "import random\nrng = ↓random.Random(\"fixed\")\n",
        ],
        nonTriggering: [
            "import secrets\ntoken = secrets.token_urlsafe(32)\n",
            "import random\nrandom.seed()\n",
            "import random, os\nrandom.seed(os.urandom(32))\n",
        ]
    )

    var callees: Set<String> { ["random.seed", "random.Random", "random.Random.seed", "numpy.random.seed"] }

    func check(call: CallSite, context: inout RuleContext) {
        guard let seed = call.argument("a", position: 0) ?? call.argument("x", position: nil) else { return }
        let predictable: Bool
        if seed.isLiteral && !seed.isNoneConstant {
            predictable = true
        } else {
            var clock = false
            ScopeWalk.walk(seed) { current in
                if case .call(let function, _, _) = current.kind, let name = context.imports.qualifiedName(of: function),
                   ["time.time", "time.time_ns", "time.monotonic", "time.perf_counter", "datetime.datetime.now", "os.getpid"].contains(name) {
                    clock = true
                }
                return !clock
            }
            predictable = clock
        }
        guard predictable else { return }
        context.report(call.expression.loc, "\(call.qualifiedName) seeded with a predictable value", fixHint: "use the secrets module for security values")
    }
}
