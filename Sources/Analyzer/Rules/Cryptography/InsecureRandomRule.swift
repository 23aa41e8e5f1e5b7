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
        ],
        nonTriggering: [
            "import secrets\ntoken = secrets.token_urlsafe(32)\n",
            "import random\nrandom.seed(42)\n",
            "import numpy\nx = numpy.random.rand(3)\n",
        ]
    )

    var callees: Set<String> {
        ["random.random", "random.randrange", "random.randint", "random.choice", "random.choices", "random.uniform",
         "random.triangular", "random.randbytes", "random.sample", "random.getrandbits", "random.shuffle"]
    }

    func check(call: CallSite, context: inout RuleContext) {
        context.report(call.expression.loc, "\(call.qualifiedName) is not suitable for security or cryptographic purposes",
                       fixHint: "use the secrets module")
    }
}
