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
        ]
    )

    var callees: Set<String> {
        ["random.random", "random.randrange", "random.randint", "random.choice", "random.choices", "random.uniform",
         "random.triangular", "random.randbytes", "random.sample", "random.getrandbits", "random.shuffle"]
    }

    /// Generators of a float or an order: jitter, sampling, games. Never a secret unless the
    /// code around says so (`make_password` shuffling its characters).
    static let nonSecretShapes: Set<String> = ["random.random", "random.uniform", "random.triangular", "random.shuffle"]
    func check(call: CallSite, context: inout RuleContext) {
        let forSecurity = SecurityContext.namesSecret(call.expression.loc, context: context)
        if !forSecurity && Self.nonSecretShapes.contains(call.qualifiedName) { return }
        context.report(call.expression.loc,
                       forSecurity ? "\(call.qualifiedName) makes a predictable value where a secret is made"
                                   : "\(call.qualifiedName) is not suitable for security or cryptographic purposes",
                       severity: forSecurity ? .medium : .low, fixHint: "use the secrets module")
    }
}
