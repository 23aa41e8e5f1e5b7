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
            "import random\n\ndef draw_winners(pool, n):\n    ↓random.shuffle(pool)\n    return pool[:n]\n",
            "import random\ncode = \"%08d\" % ↓random.randint(0, 99_999_999)\n",
            "import random\ntoken = ↓random.randint(100000, 999999)\n",
            // An instance of `random.Random` draws as the module does.
            "import random, string\n\ndef generate_key(n):\n    rng = random.Random()\n    return \"\".join(↓rng.choice(string.ascii_letters) for _ in range(n))\n",
            "import random, string\n\ndef generate(n):\n    return \"\".join(↓random.choice(string.ascii_letters) for _ in range(n))\n",
            "from random import choice\ncode = \"\".join(↓choice(alphabet) for _ in range(8))\n",
            // A float or an order is a secret only where the code says so.
            "import random\n\ndef make_password(chars):\n    ↓random.shuffle(chars)\n    return \"\".join(chars)\n",
            // A code that grants access is a secret; a bare `code` is as often a country's.
            "import random\n\ndef new_access_code():\n    return \"%06d\" % ↓random.randint(0, 999999)\n",
            "import uuid\n\ndef issue_api_key():\n    return \"k_\" + ↓uuid.uuid1().hex\n",
        ],
        nonTriggering: [
            "import secrets\ntoken = secrets.token_urlsafe(32)\n",
            "import random, string\n\ndef generate_key(n):\n    rng = random.SystemRandom()\n    return \"\".join(rng.choice(string.ascii_letters) for _ in range(n))\n",
            "import random\n\ndef sample_country_code(codes):\n    return random.choice(codes)\n",
            "import random\nrandom.seed(42)\n",
            "import numpy\nx = numpy.random.rand(3)\n",
            "import random\n\ndef shuffle_deck(deck):\n    random.shuffle(deck)\n    return deck\n",
            "import random, time\n\ndef backoff(attempt):\n    time.sleep(2 ** attempt + random.uniform(0, 1))\n",
            // A number or a sample of data, nothing naming a secret: a simulation, a test, a plot.
            "import random\n\ndef roll():\n    return random.randint(1, 6)\n",
            "import uuid\n\ndef new_order_id():\n    return uuid.uuid1().hex\n",
            "import random\nrows = random.sample(records, 100)\n",
            // A spawn point picked by a method of a session registry: no secret.
            "import random\n\nclass SessionRegistry:\n    def join_match(self, match_id):\n        return random.choice(self.spawn_points)\n",
            // Jitter for a wait, even where tokens are made: a delay is no secret.
            "import random, time\n\ndef send_reset_token(attempt):\n    time.sleep(random.uniform(0.5, 1.5) * attempt)\n",
            "import random\n\ndef issue_token(attempt):\n    retry_delay = 2 ** attempt + random.random()\n    return retry_delay\n",
        ]
    )

    var callees: Set<String> {
        ["random.random", "random.randrange", "random.randint", "random.choice", "random.choices", "random.uniform",
         "random.triangular", "random.randbytes", "random.sample", "random.getrandbits", "random.shuffle",
         // The host's MAC address and the time: unique, not unpredictable.
         "uuid.uuid1"]
    }

    /// What looks like a secret where nothing says what it is for: random characters drawn from
    /// an alphabet (`choice(string.ascii_letters)`, `choices("abc…xyz0…9", k=16)`) and random
    /// bits or bytes. Numbers, floats, shuffles and samples of data are simulations, games,
    /// jitter and tests unless the code around names a secret (`reset_token`, `getSessionID`).
    static let bitsAndBytes: Set<String> = ["random.getrandbits", "random.randbytes"]
    static let alphabetDraws: Set<String> = ["random.choice", "random.choices", "random.sample"]
    static let alphabetWords: Set<String> = ["alphabet", "chars", "charset", "characters", "letters", "symbols"]

    func check(call: CallSite, context: inout RuleContext) {
        if Self.timesAWait(call.expression.loc, context: context) { return }
        // An item picked from data (`random.choice(self.spawn_points)`) is a secret only where
        // its line or its own function says so, not for living in a class about sessions.
        let drawsData = Self.alphabetDraws.contains(call.qualifiedName) && !Self.drawsCharacters(call, context: context)
        let forSecurity = SecurityContext.namesSecret(call.expression.loc, context: context, ownNameOnly: drawsData)
            || Self.decidesAPrize(call.expression.loc, context: context) || Self.makesDigitCode(call.expression.loc, context: context)
        // A time-based UUID is an identifier unless the code around makes a secret of it.
        if call.qualifiedName == "uuid.uuid1" && !forSecurity { return }
        if !forSecurity && !Self.bitsAndBytes.contains(call.qualifiedName)
            && !(Self.alphabetDraws.contains(call.qualifiedName) && !drawsData) { return }
        context.report(call.expression.loc,
                       forSecurity ? "\(call.qualifiedName) makes a predictable value where a secret is made"
                                   : "\(call.qualifiedName) is not suitable for security or cryptographic purposes",
                       severity: forSecurity ? .medium : .low, fixHint: "use the secrets module")
    }

    /// Words of a draw whose outcome someone could profit from predicting (`draw_winners`,
    /// `pick_raffle_ticket`).
    static let prizeWords: Set<String> = ["winner", "winners", "raffle", "lottery", "prize", "prizes", "giveaway", "sweepstake", "sweepstakes", "jackpot"]

    static func decidesAPrize(_ loc: Loc, context: RuleContext) -> Bool {
        SecurityContext.nameParts(of: SecurityContext.text(around: loc, context: context).lowercased()).contains(where: prizeWords.contains)
    }

    /// A random number written as a fixed number of digits on its line (`"%08d" % randint(...)`,
    /// `f"{n:06d}"`, `.zfill(6)`): the shape of a PIN, voucher or ticket code.
    static func makesDigitCode(_ loc: Loc, context: RuleContext) -> Bool {
        guard let line = context.sourceMap.line(loc.lineno) else { return false }
        if line.contains(".zfill(") { return true }
        let bytes = Array(line.utf8)
        for index in bytes.indices.dropLast(3) where bytes[index + 1] == UInt8(ascii: "0") && (bytes[index] == UInt8(ascii: "%") || bytes[index] == UInt8(ascii: ":")) {
            var next = index + 2
            guard next < bytes.count, (49...57).contains(bytes[next]) else { continue }
            while next < bytes.count, (48...57).contains(bytes[next]) { next += 1 }
            if next < bytes.count, bytes[next] == UInt8(ascii: "d") { return true }
        }
        return false
    }

    /// Words of a name holding a delay (`retry_delay`, `jitter`, `backoff_seconds`).
    static let waitWords: Set<String> = ["delay", "jitter", "backoff", "sleep", "wait", "interval", "pause", "timeout"]

    /// Whether the value is a wait's length: inside the argument of a `sleep(...)` call on its
    /// line (`time.sleep(2 ** n + random.uniform(0, 1))`), or assigned to a name saying it is a
    /// delay. Randomness there spreads retries; nothing secret is made of it.
    static func timesAWait(_ loc: Loc, context: RuleContext) -> Bool {
        guard let line = context.sourceMap.line(loc.lineno) else { return false }
        let before = Array(line.utf8.prefix(max(0, loc.colOffset)))
        if let open = before.indices.reversed().first(where: { index in
            index >= 5 && before[(index - 5)...index].elementsEqual("sleep(".utf8)
        }) {
            var depth = 0
            for byte in before[open...] {
                if byte == UInt8(ascii: "(") { depth += 1 } else if byte == UInt8(ascii: ")") { depth -= 1 }
            }
            if depth > 0 { return true }
        }
        let trimmed = String(decoding: before, as: UTF8.self).drop { $0 == " " || $0 == "\t" }
        guard let equals = trimmed.firstIndex(of: "="), trimmed[trimmed.index(after: equals)...].first != "=" else { return false }
        let target = trimmed[..<equals].split(separator: ".").last.map(String.init) ?? ""
        return PasswordNames.parts(target.filter { $0 != " " && $0 != "\t" }).contains(where: waitWords.contains)
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
