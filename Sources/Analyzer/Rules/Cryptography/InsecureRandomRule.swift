import PythonSyntax

/// B311: the `random` module's generator, which is predictable.
struct InsecureRandomRule: Rule {
    static let description = RuleDescription(
        code: "ASC311", name: "insecure-random", banditID: "B311", cwe: 330, severity: .low, confidence: .high,
        rationale: """
        random is a Mersenne Twister: a few hundred outputs reveal its state and every later \
        value. It is fine for simulations and games; for tokens, passwords, keys and nonces use \
        the secrets module (secrets.token_urlsafe(), secrets.choice()).
        """,
        fixAvailable: true,
        triggering: [
            "import random\ntoken = ↓random.randint(100000, 999999)\n",
            "import random, string\n\ndef generate(n):\n    return \"\".join(↓random.choice(string.ascii_letters) for _ in range(n))\n",
            "from random import choice\ncode = \"\".join(↓choice(alphabet) for _ in range(8))\n",
            // A float or an order is a secret only where the code says so.
            "import random\n\ndef make_password(chars):\n    ↓random.shuffle(chars)\n    return \"\".join(chars)\n",
        ],
        nonTriggering: [
            "import secrets\ntoken = secrets.token_urlsafe(32)\n",
            "import random\nrandom.seed(42)\n",
            "import numpy\nx = numpy.random.rand(3)\n",
            "import random\n\ndef shuffle_deck(deck):\n    random.shuffle(deck)\n    return deck\n",
            "import random, time\n\ndef backoff(attempt):\n    time.sleep(2 ** attempt + random.uniform(0, 1))\n",
            // A number or a sample of data, nothing naming a secret: a simulation, a test, a plot.
            "import random\n\ndef roll():\n    return random.randint(1, 6)\n",
            "import random\nrows = random.sample(records, 100)\n",
        ]
    )

    var callees: Set<String> {
        ["random.random", "random.randrange", "random.randint", "random.choice", "random.choices", "random.uniform",
         "random.triangular", "random.randbytes", "random.sample", "random.getrandbits", "random.shuffle"]
    }

    /// What looks like a secret where nothing says what it is for: random characters drawn from
    /// an alphabet (`choice(string.ascii_letters)`, `choices("abc…xyz0…9", k=16)`) and random
    /// bits or bytes. Numbers, floats, shuffles and samples of data are simulations, games,
    /// jitter and tests unless the code around names a secret (`reset_token`, `getSessionID`).
    static let bitsAndBytes: Set<String> = ["random.getrandbits", "random.randbytes"]
    static let alphabetDraws: Set<String> = ["random.choice", "random.choices", "random.sample"]
    static let alphabetWords: Set<String> = ["alphabet", "chars", "charset", "characters", "letters", "symbols"]

    func check(call: CallSite, context: inout RuleContext) {
        let forSecurity = SecurityContext.namesSecret(call.expression.loc, context: context)
        if !forSecurity && !Self.bitsAndBytes.contains(call.qualifiedName)
            && !(Self.alphabetDraws.contains(call.qualifiedName) && Self.drawsCharacters(call, context: context)) { return }
        context.report(call.expression.loc,
                       forSecurity ? "\(call.qualifiedName) makes a predictable value where a secret is made"
                                   : "\(call.qualifiedName) is not suitable for security or cryptographic purposes",
                       severity: forSecurity ? .medium : .low, fixHint: "use the secrets module")
    }

    /// Whether the population is an alphabet: a `string` module constant (`string.ascii_letters
    /// + string.digits`), a literal of ten characters or more, or a name saying so (`ALPHABET`).
    static func drawsCharacters(_ call: CallSite, context: RuleContext) -> Bool {
        guard let population = call.argument("seq", position: 0) ?? call.argument("population", position: 0) else { return false }
        var found = false
        ScopeWalk.walk(population) { node in
            if let text = node.stringConstant, text.count >= 10 { found = true }
            if case .attribute(let owner, _, _) = node.kind, case .name(let module, _) = owner.kind,
               context.imports.binding(of: module) == "string" { found = true }
            if case .name(let id, _) = node.kind, let bound = context.imports.binding(of: id), bound.hasPrefix("string.") { found = true }
            // A name that says it holds characters (`ALPHABET`, `chars`, `charset`).
            if case .name(let id, _) = node.kind, SecurityContext.nameParts(of: id).contains(where: Self.alphabetWords.contains) { found = true }
            return !found
        }
        return found
    }

}
