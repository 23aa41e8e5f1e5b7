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
            "import random\nrng = ↓random.Random(\"fixed\")\nsession_id = random.getrandbits(64)\n",
        ],
        nonTriggering: [
            "import secrets\ntoken = secrets.token_urlsafe(32)\n",
            "import random\nrandom.seed()\n",
            "import random, os\nrandom.seed(os.urandom(32))\n",
            // Reproducible sampling: nothing secret is drawn.
            "import random\nrandom.seed(42)\nsample = random.sample(rows, 100)\n",
        ]
    )

    var callees: Set<String> { ["random.seed", "random.Random", "random.Random.seed", "numpy.random.seed"] }

    /// Whether a call of `random` in the file makes a value its line or function names a
    /// secret (`SecurityContext.namesSecret`).
    static func drawsSecret(_ context: RuleContext) -> Bool {
        var found = false
        context.parsed.module.walk { node in
            guard !found else { return false }
            if case .expr(let expression) = node, case .call(let function, _, _) = expression.kind,
               let name = context.imports.qualifiedName(of: function), name.hasPrefix("random.") || name.hasPrefix("numpy.random."),
               !name.hasSuffix(".seed"), SecurityContext.namesSecret(expression.loc, context: context) {
                found = true
            }
            return !found
        }
        return found
    }

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
        // A constant seed is how simulations, notebooks and tests are made reproducible: a flaw
        // only where the file draws a secret from the generator (`reset_token` of `random.choice`).
        if seed.isLiteral, !Self.drawsSecret(context) { return }
        context.report(call.expression.loc, "\(call.qualifiedName) seeded with a predictable value", fixHint: "use the secrets module for security values")
    }
}
