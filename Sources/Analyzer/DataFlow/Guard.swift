import PythonSyntax

/// What the file binds once at its top level that a test may rely on. Each table costs a walk
/// of the file, so a guard asks only when its test names something (most tests never do).
protocol GuardFacts: AnyObject {
    /// The pattern compiled into `name` (`NAME = re.compile(...)`): `.some(nil)` when it is
    /// not a literal, nil when `name` holds no compiled pattern.
    func compiledPattern(named name: String) -> String??
    /// The fixed strings `name` holds (`ALLOWED = ["https://a.example/"]`, or one string).
    func constantTexts(named name: String) -> [String]?
    /// The value of `name` where the function around source byte `position` binds it once
    /// (`parsed = urlparse(url)`).
    func onlyAssignment(of name: String, around position: Int) -> Expr?
    /// What a call to the file's function `name` proves of its arguments, by parameter
    /// index: when it returns true (a validator, `is_allowed(url)`) and when it returns at all
    /// (a checker that raises on bad input, `validate_host(url)`).
    func validatorProof(of name: String) -> ValidatorProof?
    /// The same for `self.name(...)`: the one method of that name among the file's classes,
    /// with how many parameters precede the call's arguments (1 for the receiver, 0 for a
    /// static method).
    func methodValidatorProof(of name: String) -> (ValidatorProof, Int)?
    /// What every call of the file passes for parameter `name` of the function around source
    /// byte `position` (`Module.argumentsPassed`).
    func passedValues(toParameter name: String, around position: Int) -> [Expr]?
    /// Whether the file anywhere binds `name` by `name = TABLE.get(key)` (see `Guard.lookedUpKey`).
    func mayHoldTableLookup(_ name: String) -> Bool
    /// The one assignment of parameter `name` in the function around `position`, made in the
    /// function's own block before `position` (`value = value.replace("\\", "/")`).
    func onlyRebinding(of name: String, around position: Int) -> Expr?
    /// Whether the file subtracts sets anywhere (`set(names) - set(ALLOWED)`, `.difference(`):
    /// only then is a name tested for emptiness looked up as one.
    var subtractsSets: Bool { get }
}

/// See `GuardFacts.validatorProof`.
struct ValidatorProof {
    var whenTrue: [Int: Guard.Effect] = [:]
    var whenReturns: [Int: Guard.Effect] = [:]
    /// A method's checks of its instance's attributes (`if not REV_RE.match(self.old): raise`),
    /// by attribute: past `req.validate()`, `req.old` is proven.
    var attributesWhenReturns: [String: Guard.Effect] = [:]
    /// A method's returned test of its instance's attributes (`return self.action in
    /// ACTIONS`), by attribute: where `cmd.valid()` held, `cmd.action` is proven.
    var attributesWhenTrue: [String: Guard.Effect] = [:]
    /// A function's checks of its parameters' attributes (`if not DEVICE_RE.match(job.device_id):
    /// raise`), by parameter and attribute: past `forward(session, job)`, `job.device_id` is proven.
    var parameterAttributesWhenReturns: [Int: [String: Guard.Effect]] = [:]
}

/// What an `if` test proves about a variable: an allow-list membership test, a
/// `realpath(...).startswith(base)` check, `isdigit()`, or a full regex match.
struct Guard {
    enum Effect {
        case safe
        case safeFor(Set<Int>)

        /// `taint` as the check leaves it: kept, marked safe, so a sink knows the data was
        /// checked and the pattern rule's alarm on it is explained away.
        func apply(to taint: Taint) -> Taint {
            switch self {
            case .safe: return taint.cleanedCopy
            case .safeFor(let cwes): return taint.sanitizing(cwes)
            }
        }

        /// Both proofs at once: what applying one after the other makes of a value.
        func and(_ other: Effect) -> Effect {
            switch (self, other) {
            case (.safeFor(let a), .safeFor(let b)): return .safeFor(a.union(b))
            default: return .safe
            }
        }
    }

    var whenTrue: [String: Effect] = [:]
    var whenFalse: [String: Effect] = [:]

    /// A proof found elsewhere (a checker's), holding when "false": past the call.
    init(provenPast effects: [String: Effect]) { whenFalse = effects }

    /// The messages a MAC in `expression` is computed over: `hmac.new(key, body, sha256)`'s
    /// body (through `.hexdigest()` and the like, or the name bound to it), or what a helper
    /// named for signing is given (`sign(body, timestamp)`).
    static func signedMessages(_ expression: Expr, imports: ImportTable, facts: GuardFacts?, depth: Int) -> [Expr] {
        guard depth < 4 else { return [] }
        switch expression.kind {
        case .name(let id, _):
            guard let value = facts?.onlyAssignment(of: id, around: expression.loc.startByte) else { return [] }
            return signedMessages(value, imports: imports, facts: facts, depth: depth + 1)
        case .call(let function, let arguments, let keywords):
            if let name = imports.qualifiedName(of: function), name == "hmac.new" || name == "hmac.digest" || name == "hmac.HMAC" {
                return (arguments.count >= 2 ? [arguments[1]] : []) + keywords.filter { $0.arg == "msg" }.map(\.value)
            }
            if case .attribute(let receiver, let method, _) = function.kind,
               ["hexdigest", "digest", "encode", "decode", "lower", "upper", "strip"].contains(method) {
                return signedMessages(receiver, imports: imports, facts: facts, depth: depth + 1)
            }
            if case .name(let helper, _) = function.kind, imports.binding(of: helper) == nil,
               PasswordNames.parts(helper).contains(where: { ["sign", "signature", "mac", "hmac", "digest", "signed"].contains($0) }) {
                return arguments
            }
            return []
        case .binOp(let left, .add, let right):
            // `"sha256=" + hmac.new(...).hexdigest()`.
            return signedMessages(left, imports: imports, facts: facts, depth: depth + 1) + signedMessages(right, imports: imports, facts: facts, depth: depth + 1)
        case .joinedStr(let values):
            return values.flatMap { value -> [Expr] in
                if case .formattedValue(let inner, _, _) = value.kind { return signedMessages(inner, imports: imports, facts: facts, depth: depth + 1) }
                return []
            }
        default:
            return []
        }
    }

    /// A value the program fixed: a literal, a module constant (upper-case name), or an entry
    /// of one (`APPROVED_PLUGINS[name]`, `.get(name)`).
    /// A local name bound to such a value counts (`expected = MODEL_REGISTRY.get(v)`), and so
    /// does a parameter every call of the file passes one (`check(blob, expected)`).
    static func isPinned(_ expression: Expr, facts: (any GuardFacts)?, depth: Int = 0) -> Bool {
        func constantName(_ id: String) -> Bool { id.utf8.allSatisfy { !(97...122).contains($0) } && id.utf8.contains { (65...90).contains($0) } }
        switch expression.kind {
        case .constant(.str, _): return true
        case .name(let id, _):
            if constantName(id) { return true }
            guard depth < 3, let facts else { return false }
            if let bound = facts.onlyAssignment(of: id, around: expression.loc.startByte) {
                return isPinned(bound, facts: facts, depth: depth + 1)
            }
            guard let passed = facts.passedValues(toParameter: id, around: expression.loc.startByte), !passed.isEmpty else { return false }
            return passed.allSatisfy { isPinned($0, facts: facts, depth: depth + 1) }
        case .subscript(let table, _, _):
            if case .name(let id, _) = table.kind { return constantName(id) }
            return false
        case .call(let function, _, _):
            if case .attribute(let table, "get", _) = function.kind, case .name(let id, _) = table.kind { return constantName(id) }
            return false
        default: return false
        }
    }

    /// What a strong hash in `expression` is computed over (`hashlib.sha256(source.encode()).hexdigest()`,
    /// here or where the name was bound).
    static func hashedMessages(_ expression: Expr, imports: ImportTable, facts: (any GuardFacts)?) -> [Expr] {
        var value = expression
        if case .name(let id, _) = expression.kind, let bound = facts?.onlyAssignment(of: id, around: expression.loc.startByte) { value = bound }
        var messages: [Expr] = []
        ScopeWalk.walk(value) { part in
            if case .call(let function, let arguments, _) = part.kind, let name = imports.qualifiedName(of: function),
               ["hashlib.sha256", "hashlib.sha384", "hashlib.sha512", "hashlib.sha3_256", "hashlib.sha3_512", "hashlib.blake2b", "hashlib.blake2s"].contains(name),
               let message = arguments.first {
                messages.append(message)
                return false
            }
            return true
        }
        return messages
    }

    static func isNumberLiteral(_ expression: Expr) -> Bool {
        switch expression.kind {
        case .constant(.int, _), .constant(.float, _): return true
        case .unaryOp(.uSub, let operand): return isNumberLiteral(operand)
        default: return false
        }
    }

    /// What data that passed a signature check is safe for.
    static let signedSafe: Set<Int> = [502, 918]

    /// A digest made with MD5 or SHA-1 (`hashlib.md5(key + payload).hexdigest()`, here or where
    /// the name compared was bound): anyone can forge what such a check accepts.
    static func digestsWeakly(_ argument: Expr, imports: ImportTable, facts: (any GuardFacts)?) -> Bool {
        var value = argument
        if case .name(let id, _) = argument.kind, let bound = facts?.onlyAssignment(of: id, around: argument.loc.startByte) { value = bound }
        var weak = false
        ScopeWalk.walk(value) { expression in
            if case .call(let function, _, _) = expression.kind, let name = imports.qualifiedName(of: function),
               ["hashlib.md5", "hashlib.sha1"].contains(name) { weak = true }
            return !weak
        }
        return weak
    }

    static let normalisers: Set<String> = ["os.path.realpath", "os.path.abspath", "os.path.normpath", "posixpath.realpath"]
    static let validatorMethods: Set<String> = ["isdigit", "isnumeric", "isdecimal", "isalnum", "isalpha", "isidentifier"]
    static let regexMatchers: Set<String> = ["re.fullmatch", "re.match", "re.search"]
    static let exits: Set<String> = ["abort", "flask.abort", "sys.exit", "exit", "quit", "os._exit"]

    /// `facts`: what the file binds at its top level, asked only when a test names it.
    init(test: Expr, imports: ImportTable, normalisedPaths: Set<String>, facts: (any GuardFacts)? = nil) {
        var test = test
        var negated = false
        while true {
            if case .unaryOp(.not, let operand) = test.kind {
                negated.toggle()
                test = operand
            } else if case .call(let function, let arguments, let keywords) = test.kind, case .name("bool", _) = function.kind,
                      arguments.count == 1, keywords.isEmpty, imports.binding(of: "bool") == nil {
                test = arguments[0]  // `bool(PATTERN.match(x))` proves what the match does
            } else {
                break
            }
        }
        // `not (a and b)`: what `a and b` proves, the other way round.
        if negated, case .boolOp = test.kind {
            let inner = Guard(test: test, imports: imports, normalisedPaths: normalisedPaths, facts: facts)
            (whenTrue, whenFalse) = (inner.whenFalse, inner.whenTrue)
            return
        }
        var proven: [String: Effect] = [:]
        switch test.kind {
        case .compare(let low, let ops, let comparators) where ops.count == 2 && comparators.count == 2:
            // `1 <= count <= 20`: only a number compares with numbers (text raises), and this one is in range.
            if ops.allSatisfy({ [.lt, .ltE, .gt, .gtE].contains($0) }), Self.isNumberLiteral(low), Self.isNumberLiteral(comparators[1]),
               let id = Self.checkedName(comparators[0]) {
                proven[id] = .safe
            }
        case .compare(let left, let ops, let comparators) where ops.count == 1:
            // `x in ALLOWED` / `x == "a"` (and their negations: the proof holds when false).
            let op = ops[0]
            let positive = op == .in || op == .eq && comparators[0].stringConstant != nil
            let negative = op == .notIn || op == .notEq && comparators[0].stringConstant != nil
            if op == .in || op == .notIn, case .attribute(let owner, "parents", _) = comparators[0].kind, case .name(let path, _) = owner.kind,
               normalisedPaths.contains(path) {
                // `root in target.parents` of a resolved `target`: it lies under root.
                if op == .notIn { negated.toggle() }
                proven[path] = .safeFor([22])
            } else if let id = Self.comparedName(left), positive || negative {
                if negative { negated.toggle() }
                proven[id] = .safe
                // `host in ALLOWED_HOSTS` with `host = urlsplit(url).hostname`, or
                // `parts.hostname in ALLOWED_HOSTS`: where `url` leads.
                if let ids = Self.hostOfParsedURL(left, imports: imports, facts: facts) {
                    for other in ids where other != id { proven[other] = .safeFor([918, 601]) }
                }
            } else if let ids = Self.hostOfParsedURL(left, imports: imports, facts: facts), positive || negative || op == .eq || op == .notEq {
                // `urlparse(url).hostname in ALLOWED_HOSTS`: where the URL leads is checked (the
                // URL's, and the parsed result's when it has a name: `parts.geturl()`).
                if negative || op == .notEq { negated.toggle() }
                for id in ids { proven[id] = .safeFor([918, 601]) }
            } else if op == .is || op == .isNot, comparators[0].isNoneConstant, case .call = left.kind {
                // `PATTERN.fullmatch(x) is not None`: what the match proves when it found one.
                let inner = Guard(test: left, imports: imports, normalisedPaths: normalisedPaths, facts: facts)
                if op == .is { negated.toggle() }
                proven = inner.whenTrue
            } else if op == .is || op == .isNot, comparators[0].isNoneConstant, let key = Self.lookedUpKey(left, facts: facts) {
                // `entry = TABLE.get(name)` then `entry is None` (abort): when not None, `name`
                // is one of the table's keys.
                if op == .is { negated.toggle() }
                proven[key] = .safe
            } else if op == .ltE, let id = Self.setElements(left), Self.isAllowedCollection(comparators[0], facts: facts) {
                // `set(names) <= ALLOWED`: every name is an allowed one.
                proven[id] = .safe
            } else if let ids = Self.commonPathCheck(left, comparators[0], normalisedPaths: normalisedPaths, imports: imports),
                      op == .eq || op == .notEq {
                // `os.path.commonpath([ROOT, p]) == ROOT` for a normalised `p`: it stays under ROOT.
                if op == .notEq { negated.toggle() }
                for id in ids { proven[id] = .safeFor([22]) }
            } else if op == .eq || op == .notEq, case .attribute(let child, "parent", _) = left.kind, case .name(let id, _) = child.kind,
                      normalisedPaths.contains(id), Self.checkedName(comparators[0]) != nil {
                // `path.parent != folder` of a resolved `path`: it is a file right in the folder.
                if op == .notEq { negated.toggle() }
                proven[id] = .safeFor([22])
            } else if op == .eq || op == .notEq, case .call(let function, let arguments, _) = left.kind, arguments.count == 1,
                      imports.qualifiedName(of: function) == "os.path.dirname", case .name(let id, _) = arguments[0].kind,
                      normalisedPaths.contains(id), Self.checkedName(comparators[0]) != nil {
                // `os.path.dirname(path) != root` of a resolved `path`: the same, with os.path.
                if op == .notEq { negated.toggle() }
                proven[id] = .safeFor([22])
            }
        case .call(let function, let arguments, let keywords):
            // `str(p).startswith(base)`, `os.fspath(p)`: the same path as text.
            if case .attribute(let receiver, let method, _) = function.kind, method == "startswith",
               case .call(let converter, let converted, _) = receiver.kind, converted.count == 1, case .name(let id, _) = converted[0].kind,
               let conversion = imports.qualifiedName(of: converter), conversion == "str" || conversion == "os.fspath", normalisedPaths.contains(id) {
                proven[id] = .safeFor([22])
            }
            // `if image.startswith("-"): return`: past the test, the value cannot be read as an option.
            if case .attribute(let receiver, "startswith", _) = function.kind, let id = Self.checkedName(receiver),
               arguments.count == 1, let prefixes = Self.texts(arguments[0], facts), prefixes.contains("-") {
                negated.toggle()
                proven[id] = .safeFor([88])
            }
            if case .attribute(let receiver, let method, _) = function.kind, case .name(let id, _) = receiver.kind {
                if method == "startswith" || method == "is_relative_to", normalisedPaths.contains(id) { proven[id] = .safeFor([22]) }
            }
            // `x.isdigit()`, `self.context.isdigit()`, or `parts[1].isalnum()`: that element
            // (`elementKey`), as `parts[0] in SERVICES` is.
            if case .attribute(let receiver, let method, _) = function.kind, Self.validatorMethods.contains(method),
               let id = Self.checkedName(receiver) ?? Self.elementKey(receiver) {
                proven[id] = .safe
            }
            // `envelope_id.replace("-", "").isalnum()`: letters and digits but for dashes and
            // underscores, as a slug (which may start with a dash: not 88).
            if case .attribute(var receiver, let method, _) = function.kind, method == "isalnum" || method == "isdigit" || method == "isalpha" {
                var removed = false
                while case .call(let replace, let replaceArguments, _) = receiver.kind, case .attribute(let inner, "replace", _) = replace.kind,
                      replaceArguments.count == 2, let old = replaceArguments[0].stringConstant, replaceArguments[1].stringConstant == "",
                      !old.isEmpty, old.allSatisfy({ $0 == "-" || $0 == "_" }) {
                    receiver = inner
                    removed = true
                }
                if removed, case .name(let id, _) = receiver.kind { proven[id] = .safeFor(TaintSources.slugSafe) }
            }
            if case .attribute(let receiver, let method, _) = function.kind, case .name(let id, _) = receiver.kind {
                // `url.startswith("https://api.example.com/")` (or a tuple, or a constant list of
                // such): where the URL leads is fixed.
                // Any fixed start but a dash (`u.startswith(("https://", "git@"))`) also keeps the
                // value from being read as an option (CWE-88).
                // `back.startswith(request.build_absolute_uri("/"))` (Flask: `request.host_url`):
                // this site's own root, scheme and host included.
                if method == "startswith", let prefix = arguments.first, Self.isOwnSiteRoot(prefix), proven[id] == nil {
                    proven[id] = .safeFor([918, 601])
                }
                if method == "startswith", let prefixes = arguments.first.flatMap({ Self.texts($0, facts) }), !prefixes.isEmpty {
                    var cwes: Set<Int> = []
                    if prefixes.allSatisfy(TaintSources.fixesHost) { cwes.formUnion([918, 601]) }
                    if prefixes.allSatisfy({ !$0.isEmpty && !$0.hasPrefix("-") }) { cwes.insert(88) }
                    if !cwes.isEmpty, proven[id] == nil { proven[id] = .safeFor(cwes) }
                }
            }
            // `host.endswith((".example.com", ".example.org"))` of a parsed URL's host: a host
            // under the allowed domains.
            if case .attribute(let receiver, "endswith", _) = function.kind, let suffixes = arguments.first.flatMap({ Self.texts($0, facts) }),
               !suffixes.isEmpty, suffixes.allSatisfy({ $0.hasPrefix(".") && $0.count > 2 }),
               let ids = Self.hostOfParsedURL(receiver, imports: imports, facts: facts) {
                for id in ids { proven[id] = .safeFor([918, 601]) }
            }
            // `host.endswith("." + domain)` of a domain the server holds (a partner's record):
            // a host under that domain.
            if case .attribute(let receiver, "endswith", _) = function.kind, let suffix = arguments.first,
               case .binOp(let dot, .add, let domain) = suffix.kind, dot.stringConstant == ".",
               { switch domain.kind { case .name, .subscript, .attribute: return true; default: return false } }(),
               let ids = Self.hostOfParsedURL(receiver, imports: imports, facts: facts) {
                for id in ids { proven[id] = .safeFor([918, 601]) }
            }
            // `all(LABEL_RE.fullmatch(label) for label in name.split("."))`: every piece of `name`
            // matches the program's pattern whole, and the separators are the program's. Also
            // beside further tests (`all(ARG_RE.match(a) and not a.startswith("-") for a in args)`).
            if case .name("all", _) = function.kind, arguments.count == 1,
               case .generatorExp(let generated, let generators) = arguments[0].kind, generators.count == 1, generators[0].ifs.isEmpty,
               case .name(let piece, _) = generators[0].target.kind,
               let element = { () -> Expr? in
                   guard case .boolOp(.and, let tests) = generated.kind else { return generated }
                   return tests.first { if case .call = $0.kind { true } else { false } }
               }(),
               case .call(let matcher, let matched, _) = element.kind, matched.count == 1, case .name(piece, _) = matched[0].kind,
               case .attribute(let receiver, let method, _) = matcher.kind, case .name(let patternName, _) = receiver.kind,
               let pattern = facts?.compiledPattern(named: patternName), Self.matchesWhole(method: method, pattern: pattern) {
                var iterated = generators[0].iter
                if case .call(let splitter, let splitArguments, _) = iterated.kind, case .attribute(let whole, "split", _) = splitter.kind,
                   splitArguments.allSatisfy({ $0.stringConstant != nil }) {
                    iterated = whole
                }
                if let id = Self.checkedName(iterated) { proven[id] = .safe }
            }
            // `any(host == d or host.endswith("." + d) for d in settings.ALLOWED_DOMAINS)` of a
            // parsed URL's host: the host is an allowed domain or under one.
            if case .name("any", _) = function.kind, arguments.count == 1,
               case .generatorExp(let element, let generators) = arguments[0].kind, generators.count == 1, generators[0].ifs.isEmpty,
               case .name(let domain, _) = generators[0].target.kind, let ids = Self.hostUnderEachDomain(element, domain: domain, imports: imports, facts: facts) {
                for id in ids { proven[id] = .safeFor([918, 601]) }
            }
            // `any(o not in ALLOWED for o in opts)` false, or `all(o in ALLOWED for o in opts)`
            // true: every element of `opts` is allowed.
            if case .name(let quantifier, _) = function.kind, quantifier == "any" || quantifier == "all", arguments.count == 1,
               case .generatorExp(let element, let generators) = arguments[0].kind, generators.count == 1, generators[0].ifs.isEmpty,
               case .name(let variable, _) = generators[0].target.kind, case .name(let list, _) = generators[0].iter.kind,
               case .compare(let left, let ops, _) = element.kind, ops.count == 1, case .name(variable, _) = left.kind,
               ops[0] == (quantifier == "any" ? .notIn : .in) {
                if quantifier == "any" { proven[list] = .safe; negated.toggle() } else { proven[list] = .safe }
            }
            // `any(url.startswith(p) for p in ALLOWED_PREFIXES)`: the same, prefix by prefix.
            if case .name("any", _) = function.kind, arguments.count == 1,
               case .generatorExp(let element, let generators) = arguments[0].kind, generators.count == 1, generators[0].ifs.isEmpty,
               case .name(let variable, _) = generators[0].target.kind,
               case .call(let test, let testArguments, _) = element.kind, case .attribute(let receiver, "startswith", _) = test.kind,
               case .name(let id, _) = receiver.kind, testArguments.count == 1, case .name(variable, _) = testArguments[0].kind,
               let prefixes = Self.texts(generators[0].iter, facts), !prefixes.isEmpty, prefixes.allSatisfy(TaintSources.fixesHost) {
                proven[id] = .safeFor([918, 601])
            }
            // A regular expression matched against the whole value: `re.fullmatch(p, x)`, or
            // `re.match`/`re.search` with a pattern anchored at both ends. `re.match(r"(www|beta)
            // .example.com/", url)` checks a prefix only: no proof.
            if let name = imports.qualifiedName(of: function), Self.regexMatchers.contains(name), arguments.count >= 2,
               let id = Self.matchedSubject(arguments[1]),
               Self.matchesWhole(method: String(name.dropFirst(3)), pattern: arguments[0].stringConstant) {
                proven[id] = .safe
            }
            // The same through a compiled pattern: `USERNAME.fullmatch(name)`.
            if case .attribute(let receiver, let method, _) = function.kind, case .name(let patternName, _) = receiver.kind,
               let pattern = facts?.compiledPattern(named: patternName), let id = arguments.first.flatMap(Self.matchedSubject),
               Self.matchesWhole(method: method, pattern: pattern) {
                proven[id] = .safe
            }
            // `hmac.compare_digest(mac(blob), sig)`: the data passed a signature check, so it
            // is the signer's, not any sender's, to deserialise.
            // Signed by whoever holds the key (a webhook's provider): also where requests it
            // names go are the provider's (`pr["url"]` of a verified GitHub payload). The
            // digest's own binding counts (`expected = hmac.new(key, body, ...).hexdigest()`).
            // Only the data a MAC was computed over is signed: comparing a bearer token with the
            // configured one (`compare_digest(supplied, TOKEN)`) authenticates the caller, and
            // what the caller then sends is still theirs.
            // `compare_digest(sha256(source).hexdigest(), APPROVED[name])`: the data is one whose
            // digest the program pinned, so it is that approved content.
            if let name = imports.qualifiedName(of: function), name == "hmac.compare_digest" || name == "secrets.compare_digest",
               arguments.count == 2, !arguments.contains(where: { Self.digestsWeakly($0, imports: imports, facts: facts) }) {
                for (hashed, other) in [(arguments[0], arguments[1]), (arguments[1], arguments[0])] where Self.isPinned(other, facts: facts) {
                    for message in Self.hashedMessages(hashed, imports: imports, facts: facts) {
                        Self.names(in: message) { proven[$0] = .safe }
                    }
                }
            }
            if let name = imports.qualifiedName(of: function), name == "hmac.compare_digest" || name == "secrets.compare_digest",
               !arguments.contains(where: { Self.digestsWeakly($0, imports: imports, facts: facts) }) {
                for argument in arguments {
                    for message in Self.signedMessages(argument, imports: imports, facts: facts, depth: 0) {
                        Self.names(in: message) { proven[$0] = .safeFor(Self.signedSafe) }
                    }
                }
            }
            // `is_allowed(url)`: a validator of this file whose returned test proves it; or
            // one of its classes' (`self.is_vendor_url(url)`).
            var validator: (ValidatorProof, Int)?
            if case .name(let helper, _) = function.kind { validator = facts?.validatorProof(of: helper).map { ($0, 0) } }
            if case .attribute(let receiver, let method, _) = function.kind, case .name("self", _) = receiver.kind {
                validator = facts?.methodValidatorProof(of: method)
            }
            if let (proof, skipped) = validator {
                for (index, effect) in proof.whenTrue where index >= skipped && index - skipped < arguments.count {
                    // `valid_target(target)`, or an attribute (`valid_target(request.target)`).
                    if let id = Self.checkedName(arguments[index - skipped]) { proven[id] = effect }
                }
            }
            // `cmd.valid()` of a method testing its own attributes (`return self.action in
            // ACTIONS`): those of `cmd` (not a module: `os.path.exists`) are proven.
            if case .attribute(let receiver, let method, _) = function.kind, case .name(let owner, _) = receiver.kind,
               imports.binding(of: owner) == nil, let (proof, _) = facts?.methodValidatorProof(of: method) {
                for (attribute, effect) in proof.attributesWhenTrue { proven["\(owner).\(attribute)"] = effect }
            }
            // `all(ip_address(info[4][0]).is_global for info in socket.getaddrinfo(host, port))`:
            // the URL's host resolves only to public addresses.
            if case .name("all", _) = function.kind, arguments.count == 1,
               case .generatorExp(let element, let generators) = arguments[0].kind, generators.count == 1,
               case .attribute(_, "is_global", _) = element.kind, let host = Self.resolvedHost(generators[0].iter, facts: facts),
               let ids = Self.hostOfParsedURL(host, imports: imports, facts: facts) {
                for id in ids { proven[id] = .safeFor([918]) }
            }
            // `set(names).issubset(ALLOWED)`: every name is an allowed one.
            if case .attribute(let receiver, "issubset", _) = function.kind, arguments.count == 1, let id = Self.setElements(receiver),
               Self.isAllowedCollection(arguments[0], facts: facts) {
                proven[id] = .safe
            }
            // `isinstance(x, int)` (or float, bool, or a tuple of them): a number, not text.
            if case .name("isinstance", _) = function.kind, arguments.count == 2, case .name(let id, _) = arguments[0].kind,
               Self.isNumericType(arguments[1]) {
                proven[id] = .safe
            }
            // Django's check that a URL stays on an allowed host (`is_safe_url` before 3.0).
            if let name = imports.qualifiedName(of: function), Self.urlValidators.contains(name),
               case .name(let id, _) = (arguments.first ?? keywords.first(where: { $0.arg == "url" })?.value)?.kind {
                proven[id] = .safeFor([601, 918])
            }
        case .boolOp(let op, let values):
            // `a and b` is true when both are, `a or b` false when both are: what each part
            // proves then holds together.
            let isAnd = op == .and
            for value in values {
                let inner = Guard(test: value, imports: imports, normalisedPaths: normalisedPaths, facts: facts)
                proven.merge(isAnd ? inner.whenTrue : inner.whenFalse) { first, _ in first }
            }
            // A local path: `u.startswith("/") and not u.startswith(("//", "/\\"))` (neither a
            // scheme nor a scheme-relative or backslash host) is safe to redirect to; so is one
            // past `if not u.startswith("/") or u.startswith(("//", "/\\")): u = "/"`.
            // A backslash may be ruled out anywhere instead (`"\\" in u` among the rejections).
            for id in Self.prefixChecks(values, negated: !isAnd, containing: "/") where
                (Self.prefixChecks(values, negated: isAnd, containing: "//").contains(id)
                    || Self.netlocChecks(values, negated: isAnd, imports: imports, facts: facts).contains(id))
                    && (Self.prefixChecks(values, negated: isAnd, containing: "/\\").contains(id)
                        || Self.backslashChecks(values, excluded: isAnd).contains(id)
                        || Self.backslashFreeNames(values, at: test.loc.startByte, facts: facts).contains(id)
                        || Self.netlocChecks(values, negated: isAnd, imports: imports, facts: facts, ofNormalisedText: true).contains(id)) {
                proven[id] = .safeFor([601])
            }
            // A relative path without `..`: `if name.startswith("/") or ".." in name: continue`
            // rejects both ways out of the directory it is joined under.
            if !isAnd {
                for id in Self.prefixChecks(values, negated: false, containing: "/") where Self.dotDotChecks(values).contains(id) {
                    proven[id] = .safeFor([22])
                }
            }
            // What an `and` proves when it is false: what every part proves false (`if x and not
            // X_RE.match(x): raise` leaves `x` empty or matched).
            if isAnd {
                var either: [String: Effect]?
                for value in values {
                    let inner = Guard(test: value, imports: imports, normalisedPaths: normalisedPaths, facts: facts).whenFalse
                    either = either.map { Self.common($0, inner) } ?? inner
                }
                whenFalse = either ?? [:]
            }
            // What an `or` proves holds when it is false; when it is true, what every part proves.
            if !isAnd {
                var either: [String: Effect]?
                for value in values {
                    let inner = Guard(test: value, imports: imports, normalisedPaths: normalisedPaths, facts: facts).whenTrue
                    either = either.map { Self.common($0, inner) } ?? inner
                }
                whenTrue = either ?? [:]
                negated = true
            }
        case .name, .attribute:
            // `if x:` false: `x` is empty, None or zero, which carries nothing.
            if let id = Self.checkedName(test) {
                if negated { whenTrue[id] = .safe } else { whenFalse[id] = .safe }
            }
            // `unknown = set(names) - set(ALLOWED)` then `if unknown: abort`: when it is empty,
            // every name is an allowed one.
            if case .name(let local, _) = test.kind, facts?.subtractsSets == true,
               let bound = facts?.onlyAssignment(of: local, around: test.loc.startByte),
               let id = Self.namesOutsideAllowed(bound, facts: facts) {
                if negated { whenTrue[id] = .safe } else { whenFalse[id] = .safe }
            }
        case .binOp(_, .sub, _):
            // `if set(names) - set(ALLOWED): abort`.
            if let id = Self.namesOutsideAllowed(test, facts: facts) {
                if negated { whenTrue[id] = .safe } else { whenFalse[id] = .safe }
            }
        default:
            break
        }
        if negated { whenFalse = proven } else { whenTrue = proven }
    }

    /// `X` of `set(X) - ALLOWED` (or `set(X).difference(ALLOWED)`) with `ALLOWED` fixed by the
    /// program (a constant, `set(CONSTANT)`, `CONSTANT.keys()`, a literal): what is left are the
    /// elements of `X` outside the allowed ones.
    static func namesOutsideAllowed(_ expression: Expr, facts: (any GuardFacts)?) -> String? {
        switch expression.kind {
        case .binOp(let left, .sub, let right):
            guard isAllowedCollection(right, facts: facts) else { return nil }
            return setElements(left)
        case .call(let function, let arguments, let keywords):
            guard case .attribute(let receiver, "difference", _) = function.kind, arguments.count == 1, keywords.isEmpty,
                  isAllowedCollection(arguments[0], facts: facts) else { return nil }
            return setElements(receiver)
        case .listComp(let element, let generators), .setComp(let element, let generators), .generatorExp(let element, let generators):
            // `[c for c in columns if c not in KNOWN_COLUMNS]`: the elements outside, one by one.
            guard generators.count == 1, case .name(let each, _) = generators[0].target.kind, case .name(each, _) = element.kind,
                  generators[0].ifs.count == 1, case .compare(let left, [.notIn], let right) = generators[0].ifs[0].kind,
                  case .name(each, _) = left.kind, isAllowedCollection(right[0], facts: facts) else { return nil }
            return checkedName(generators[0].iter)
        default:
            return nil
        }
    }

    /// The names of the URL a loop over the addresses its host resolves to checks, leaving on
    /// any address outside the public internet (`for info in getaddrinfo(parts.hostname, 443):`
    /// then `if not ip_address(info[4][0]).is_global: raise`, or `if a.is_private or
    /// a.is_loopback: return`): past the loop, that host is no SSRF.
    static func publicAddressCheck(iter: Expr, body: [Stmt], imports: ImportTable, facts: (any GuardFacts)?) -> [String] {
        guard let host = resolvedHost(iter, facts: facts) else { return [] }
        var checks = false
        ScopeWalk.walk(body) { node in
            guard !checks, case .stmt(let statement) = node, case .if(let test, let then, _) = statement.kind, terminates(then) else { return !checks }
            var negated = false, tested = test
            if case .unaryOp(.not, let operand) = tested.kind { negated = true; tested = operand }
            let parts: [Expr]
            if case .boolOp(.or, let values) = tested.kind { parts = values } else { parts = [tested] }
            let names = parts.compactMap { part -> String? in
                if case .attribute(_, let attr, _) = part.kind { return attr }
                return nil
            }
            guard names.count == parts.count else { return true }
            if negated, names == ["is_global"] { checks = true }
            if !negated, names.contains("is_private") || names.contains("is_loopback") { checks = true }
            return !checks
        }
        guard checks, let ids = hostOfParsedURL(host, imports: imports, facts: facts) else { return [] }
        return ids
    }

    /// The host `getaddrinfo(host, ...)` resolves, called in place or bound to a name once.
    static func resolvedHost(_ iterated: Expr, facts: (any GuardFacts)?) -> Expr? {
        var resolved = iterated
        if case .await(let inner) = resolved.kind { resolved = inner }
        if case .name(let id, _) = resolved.kind, let bound = facts?.onlyAssignment(of: id, around: iterated.loc.startByte) { resolved = bound }
        if case .await(let inner) = resolved.kind { resolved = inner }
        guard case .call(let function, let arguments, _) = resolved.kind else { return nil }
        switch function.kind {
        case .attribute(_, "getaddrinfo", _), .name("getaddrinfo", _): return arguments.first
        default: return nil
        }
    }

    /// `X` of `set(X)` (or `frozenset(X)`).
    static func setElements(_ value: Expr) -> String? {
        if case .call(let function, let arguments, let keywords) = value.kind, case .name(let kind, _) = function.kind,
           kind == "set" || kind == "frozenset", arguments.count == 1, keywords.isEmpty {
            return checkedName(arguments[0])
        }
        return nil
    }

    /// A collection the program fixed: a constant's name, `set(CONSTANT)`, `CONSTANT.keys()`,
    /// or a literal of string constants.
    static func isAllowedCollection(_ expression: Expr, facts: (any GuardFacts)?) -> Bool {
        switch expression.kind {
        case .name(let id, _):
            if isPinned(expression, facts: facts) { return true }
            // A local bound once to a literal (`allowed = {"csv", "json"}`).
            guard let bound = facts?.onlyAssignment(of: id, around: expression.loc.startByte) else { return false }
            return isAllowedCollection(bound, facts: nil)
        case .call(let function, let arguments, _):
            if case .name(let kind, _) = function.kind, kind == "set" || kind == "frozenset", arguments.count == 1 {
                return isAllowedCollection(arguments[0], facts: facts)
            }
            if case .attribute(let owner, "keys", _) = function.kind, arguments.isEmpty { return isAllowedCollection(owner, facts: facts) }
            return false
        case .set(let elements), .list(let elements, _), .tuple(let elements, _):
            return !elements.isEmpty && elements.allSatisfy { $0.stringConstant != nil }
        default:
            return false
        }
    }

    /// `not (a or b)` as `[not a, not b]`, each negation written plainly (`x not in y` for
    /// `x in y`, `y` for `not y`).
    static func negatedConjuncts(_ test: Expr) -> [Expr] {
        func negated(_ value: Expr) -> Expr {
            switch value.kind {
            case .unaryOp(.not, let operand): return operand
            case .compare(let left, let ops, let comparators) where ops.count == 1 && (ops[0] == .in || ops[0] == .notIn):
                return Expr(.compare(left: left, ops: [ops[0] == .in ? .notIn : .in], comparators: comparators), value.loc)
            default: return Expr(.unaryOp(op: .not, operand: value), value.loc)
            }
        }
        if case .boolOp(.or, let values) = test.kind { return values.map(negated) }
        return [negated(test)]
    }

    /// One test for "every early exit's test was false, then `test` held":
    /// `not a and not b and t1 and t2` of `if a or b: return` … `t1 and t2`.
    static func allTrue(afterExits exits: [Expr], then test: Expr) -> Expr {
        guard !exits.isEmpty else { return test }
        var conjuncts = exits.flatMap(negatedConjuncts)
        if case .boolOp(.and, let values) = test.kind { conjuncts.append(contentsOf: values) } else { conjuncts.append(test) }
        return Expr(.boolOp(op: .and, values: conjuncts), test.loc)
    }

    /// What two proofs both say, name by name (safe for what both are safe for).
    static func common(_ a: [String: Effect], _ b: [String: Effect]) -> [String: Effect] {
        var result: [String: Effect] = [:]
        for (id, first) in a {
            guard let second = b[id] else { continue }
            switch (first, second) {
            case (.safe, .safe): result[id] = .safe
            case (.safe, .safeFor(let cwes)), (.safeFor(let cwes), .safe): result[id] = .safeFor(cwes)
            case (.safeFor(let x), .safeFor(let y)): if !x.isDisjoint(with: y) { result[id] = .safeFor(x.intersection(y)) }
            }
        }
        return result
    }

    /// This site's root URL as the request gives it: Django's `request.build_absolute_uri("/")`,
    /// Flask's `request.host_url` or `request.url_root` (each ends in the host's `/`).
    static func isOwnSiteRoot(_ expression: Expr) -> Bool {
        switch expression.kind {
        case .call(let function, let arguments, _):
            guard case .attribute(let owner, "build_absolute_uri", _) = function.kind, case .name = owner.kind,
                  arguments.count == 1, arguments[0].stringConstant?.hasPrefix("/") == true else { return false }
            return true
        case .attribute(let owner, let attr, _):
            guard case .name("request", _) = owner.kind else { return false }
            return attr == "host_url" || attr == "url_root"
        default:
            return false
        }
    }

    /// The fixed strings an expression stands for: a literal, a tuple or list of literals, a
    /// module constant of either (`tuple(ALLOWED)` too); nil when not known.
    static func texts(_ expression: Expr, _ facts: (any GuardFacts)?) -> [String]? {
        if let text = expression.stringConstant { return [text] }
        if let texts = expression.stringLiterals { return texts }
        switch expression.kind {
        case .name(let id, _):
            return facts?.constantTexts(named: id)
        case .call(let function, let arguments, _):
            guard case .name(let id, _) = function.kind, ["tuple", "list", "frozenset", "set"].contains(id), arguments.count == 1 else { return nil }
            return texts(arguments[0], facts)
        default:
            return nil
        }
    }

    /// Whether a successful `method` (`fullmatch`, `match`, `search`) of `pattern` (nil when
    /// not a literal) means the pattern matched the whole value.
    static func matchesWhole(method: String, pattern: String?) -> Bool {
        if method == "fullmatch" { return true }
        guard let pattern, method == "match" || method == "search" else { return false }
        // `$` also matches before a final newline; `\Z` only at the end.
        let anchoredAtEnd = pattern.hasSuffix("\\Z") || pattern.hasSuffix("$") && !pattern.hasSuffix("\\$")
        return anchoredAtEnd && (method == "match" || pattern.hasPrefix("^") || pattern.hasPrefix("\\A"))
    }

    /// Every plain name read inside an expression.
    static func names(in expression: Expr, _ found: (String) -> Void) {
        Module(body: [Stmt(.expr(value: expression), expression.loc)]).walk { node in
            if case .expr(let inner) = node, case .name(let id, _) = inner.kind { found(id) }
            return true
        }
    }

    static func isNumericType(_ type: Expr) -> Bool {
        switch type.kind {
        case .name(let id, _): return ["int", "float", "bool", "complex"].contains(id)
        case .tuple(let types, _): return !types.isEmpty && types.allSatisfy(isNumericType)
        default: return false
        }
    }

    /// The name a check is about: a variable, or an attribute of a name, by its path
    /// (`self.service`, as a dataclass's `__post_init__` checks its fields; `request.git_ref`,
    /// held under its path once checked: `TaintInterpreter.holdPaths`).
    static func checkedName(_ expression: Expr) -> String? {
        switch expression.kind {
        case .name(let id, _): return id
        case .attribute(let owner, let attr, _):
            if case .name(let id, _) = owner.kind { return "\(id).\(attr)" }
            return nil
        default: return nil
        }
    }

    /// What a whole-value match checks: the name, or the name a suffix, prefix or blanks were
    /// taken off (`NAME_RE.fullmatch(name.removesuffix(".jpg"))`: `name` is that text and the suffix).
    static func matchedSubject(_ expression: Expr) -> String? {
        if let id = checkedName(expression) ?? elementKey(expression) { return id }
        // `str(x)` matched whole: `x` written as text is that text; an element
        // (`str(data.get("id", ""))`) too.
        if case .call(let function, let arguments, let keywords) = expression.kind, case .name("str", _) = function.kind,
           arguments.count == 1, keywords.isEmpty {
            return checkedName(arguments[0]) ?? elementKey(arguments[0])
        }
        guard case .call(let function, _, _) = expression.kind, case .attribute(let receiver, let method, _) = function.kind,
              ["removesuffix", "removeprefix", "strip", "rstrip", "lstrip", "lower", "upper"].contains(method) else { return nil }
        return checkedName(receiver)
    }

    /// The attributes the test proves something of (`request.git_ref`), by path.
    var checkedPaths: Set<String> {
        Set(whenTrue.keys.filter { $0.contains(".") && !$0.contains("[") }).union(whenFalse.keys.filter { $0.contains(".") && !$0.contains("[") })
    }

    /// `x` of a test on `x` or on a case or blank variant of it (`level.upper() in LEVELS`):
    /// equal to an allowed value once folded, it is one of a few spellings of it.
    static func comparedName(_ expression: Expr) -> String? {
        if let id = checkedName(expression) { return id }
        // `parts[0] not in SERVICES`, `manifest.get("name") in ALLOWED`: that element.
        if let key = elementKey(expression) { return key }
        if case .call(let function, let arguments, _) = expression.kind, arguments.isEmpty,
           case .attribute(let receiver, let method, _) = function.kind, ["upper", "lower", "casefold", "strip", "title"].contains(method),
           case .name(let id, _) = receiver.kind {
            return id
        }
        return nil
    }

    /// `name` of `entry` bound once by `entry = TABLE.get(name)`, with `TABLE` a constant's
    /// name (upper case): a key found in the table.
    static func lookedUpKey(_ expression: Expr, facts: (any GuardFacts)?) -> String? {
        // The file's table lookups first (one pass per file), the binding checked only then.
        guard case .name(let id, _) = expression.kind, let facts, facts.mayHoldTableLookup(id),
              let value = facts.onlyAssignment(of: id, around: expression.loc.startByte),
              let (tableName, key) = tableLookup(value), tableName == tableName.uppercased(), tableName.contains(where: \.isLetter),
              let keyName = checkedName(key) else { return nil }  // `TABLE.get(req.version)` too
        return keyName
    }

    /// `TABLE` and `key` of `TABLE.get(key)`, `TABLE.get(key, None)` or `TABLE.pop(key, None)`:
    /// None exactly when the key is not in the table.
    static func tableLookup(_ value: Expr) -> (table: String, key: Expr)? {
        guard case .call(let function, let arguments, let keywords) = value.kind, keywords.isEmpty,
              case .attribute(let table, let method, _) = function.kind, method == "get" || method == "pop",
              case .name(let tableName, _) = table.kind,
              arguments.count == 1 && method == "get" || arguments.count == 2 && arguments[1].isNoneConstant else { return nil }
        return (tableName, arguments[0])
    }

    /// `parts[0]` for `parts[0]`, `cfg["name"]` for `cfg["name"]` or `cfg.get("name")`: a
    /// name for one element of a local container, so a check of it holds where the same
    /// element is read again (`service = parts[0]`). Nil for anything else.
    static func elementKey(_ expression: Expr) -> String? {
        func constantKey(_ key: Expr) -> String? {
            if let text = key.stringConstant { return "\"\(text)\"" }
            if case .constant(.int(let digits), _) = key.kind { return digits }
            return nil
        }
        switch expression.kind {
        case .subscript(let container, let slice, _):
            guard case .name(let id, _) = container.kind, let key = constantKey(slice) else { return nil }
            return "\(id)[\(key)]"
        case .call(let function, let arguments, let keywords):
            // `data.get("id")`, or `data.get("id", "")` with a fixed default: where the element
            // is present, it is what was read.
            guard case .attribute(let container, "get", _) = function.kind, case .name(let id, _) = container.kind,
                  keywords.isEmpty, arguments.count == 1 || arguments.count == 2 && { if case .constant = arguments[1].kind { true } else { false } }(),
                  let key = constantKey(arguments[0]) else { return nil }
            return "\(id)[\(key)]"
        default:
            return nil
        }
    }

    /// The URL names whose host `element` tests against the loop's `domain`, each part being
    /// `host == domain` or `host.endswith("." + domain)`; nil if any part is something else.
    static func hostUnderEachDomain(_ element: Expr, domain: String, imports: ImportTable, facts: (any GuardFacts)?) -> [String]? {
        let parts: [Expr]
        if case .boolOp(.or, let values) = element.kind { parts = values } else { parts = [element] }
        var found: [String]?
        for part in parts {
            let host: Expr
            switch part.kind {
            case .compare(let left, let ops, let comparators) where ops == [.eq]:
                guard case .name(domain, _) = comparators[0].kind else { return nil }
                host = left
            case .call(let function, let arguments, _):
                guard case .attribute(let receiver, "endswith", _) = function.kind, arguments.count == 1,
                      case .binOp(let dot, .add, let suffix) = arguments[0].kind, dot.stringConstant == ".",
                      case .name(domain, _) = suffix.kind else { return nil }
                host = receiver
            default:
                return nil
            }
            guard let ids = hostOfParsedURL(host, imports: imports, facts: facts), found == nil || found == ids else { return nil }
            found = ids
        }
        return found
    }

    static let urlValidators: Set<String> = [
        "django.utils.http.url_has_allowed_host_and_scheme", "django.utils.http.is_safe_url",
    ]
    static let urlParsers: Set<String> = ["urllib.parse.urlparse", "urllib.parse.urlsplit", "urlparse.urlparse", "urlparse.urlsplit"]
    /// URL objects whose host is `.host` (`httpx.URL(raw).host`).
    static let urlObjects: Set<String> = ["httpx.URL", "yarl.URL", "urllib3.util.parse_url", "urllib3.util.url.parse_url"]

    /// `x` of `urlparse(x).hostname` (or `.netloc`), and `parts` too when that is
    /// `parts.hostname` after `parts = urlparse(x)`.
    static func hostOfParsedURL(_ expression: Expr, imports: ImportTable, facts: (any GuardFacts)? = nil) -> [String]? {
        // `(parts.hostname or "").lower()`: the host, normalised.
        if case .call(let function, let arguments, _) = expression.kind, arguments.isEmpty,
           case .attribute(let receiver, let method, _) = function.kind, method == "lower" || method == "casefold" || method == "strip" {
            return hostOfParsedURL(receiver, imports: imports, facts: facts)
        }
        if case .boolOp(.or, let values) = expression.kind, values.count == 2, values[1].stringConstant != nil {
            return hostOfParsedURL(values[0], imports: imports, facts: facts)
        }
        // `host` of `host = (parts.hostname or "").lower()`, bound once in the function.
        if case .name(let id, _) = expression.kind,
           imports.imports("urllib") || imports.imports("urlparse") || imports.imports("httpx") || imports.imports("yarl") || imports.imports("urllib3"),
           let value = facts?.onlyAssignment(of: id, around: expression.loc.startByte) {
            guard case .name = value.kind else { return hostOfParsedURL(value, imports: imports, facts: facts).map { $0 + [id] } }
            return nil
        }
        guard case .attribute(var parsed, let part, _) = expression.kind, part == "hostname" || part == "netloc" || part == "host" else { return nil }
        var names: [String] = []
        if case .name(let id, _) = parsed.kind, let value = facts?.onlyAssignment(of: id, around: expression.loc.startByte) {
            names.append(id)
            parsed = value
        }
        guard case .call(let function, let arguments, _) = parsed.kind, let name = imports.qualifiedName(of: function),
              urlParsers.contains(name) && part != "host" || urlObjects.contains(name), var url = arguments.first else { return nil }
        // `urlsplit(str(feed_url))`: the same URL as text.
        if case .call(let converter, let converted, _) = url.kind, converted.count == 1, case .name("str", _) = converter.kind,
           imports.binding(of: "str") == nil {
            url = converted[0]
        }
        // `urlsplit(url or "")`: the URL, or nothing.
        if case .boolOp(.or, let values) = url.kind, values.count == 2, values[1].stringConstant == "" { url = values[0] }
        // `urlparse(raw.strip())`: the same URL without surrounding blanks (which HTTP clients
        // strip too).
        if case .call(let method, let methodArguments, _) = url.kind, methodArguments.isEmpty,
           case .attribute(let receiver, "strip", _) = method.kind {
            url = receiver
        }
        // `urlparse(target.replace("\\", "/"))`: the URL as a browser reads it.
        if let normalised = backslashesNormalised(url) { url = normalised }
        // `urlparse(urljoin(request.host_url, target))`: where `target` leads from this site
        // (an absolute or `//host` target brings its own host, a relative one the site's).
        if case .call(let joiner, let joined, _) = url.kind, joined.count == 2, imports.qualifiedName(of: joiner) == "urllib.parse.urljoin" {
            url = joined[1]
            if let normalised = backslashesNormalised(url) { url = normalised }
        }
        // `urlsplit(reg.callback_url)`: the attribute, by its path (`TaintInterpreter.holdPaths`).
        guard let id = checkedName(url) else { return names.isEmpty ? nil : names }
        return [id] + names
    }

    /// The normalised names in `os.path.commonpath([a, b])` compared with one of its own
    /// arguments (the base).
    static func commonPathCheck(_ left: Expr, _ right: Expr, normalisedPaths: Set<String>, imports: ImportTable) -> [String]? {
        func parts(_ call: Expr) -> [Expr]? {
            guard case .call(let function, let arguments, _) = call.kind, imports.qualifiedName(of: function) == "os.path.commonpath",
                  case .list(let elements, _) = arguments.first?.kind ?? .constant(value: .none, kind: nil) else { return nil }
            return elements
        }
        guard let elements = parts(left) ?? parts(right) else { return nil }
        let base = parts(left) != nil ? right : left
        // The base by its dotted name: `ROOT`, or an attribute such as `self.root`; as text
        // too (`str(base)`, `os.fspath(base)` of a `Path`).
        func dotted(_ expression: Expr) -> String? {
            if case .call(let converter, let converted, let keywords) = expression.kind, converted.count == 1, keywords.isEmpty,
               let conversion = imports.qualifiedName(of: converter), conversion == "str" || conversion == "os.fspath" {
                return dotted(converted[0])
            }
            switch expression.kind {
            case .name(let id, _): return id
            case .attribute(let owner, let attr, _): return dotted(owner).map { "\($0).\(attr)" }
            default: return nil
            }
        }
        guard let baseName = dotted(base), elements.contains(where: { dotted($0) == baseName }) else { return nil }
        let checked = elements.compactMap { element -> String? in
            // `os.path.realpath(path)` normalised in place.
            if case .call(let function, let arguments, _) = element.kind, arguments.count == 1,
               let name = imports.qualifiedName(of: function), normalisers.contains(name),
               case .name(let id, _) = arguments[0].kind, id != baseName {
                return id
            }
            guard let id = dotted(element), !id.contains("."), id != baseName, normalisedPaths.contains(id) else { return nil }
            return id
        }
        return checked.isEmpty ? nil : checked
    }

    /// Names `x` with a `".." in x` test among `values`.
    static func dotDotChecks(_ values: [Expr]) -> Set<String> {
        var names: Set<String> = []
        for value in values {
            guard case .compare(let left, let ops, let comparators) = value.kind, ops == [.in], left.stringConstant == "..",
                  case .name(let id, _) = comparators[0].kind else { continue }
            names.insert(id)
        }
        return names
    }

    /// The tests of `values`: each under its `not` when `negated` (the others left out).
    static func tested(_ values: [Expr], negated: Bool) -> [Expr] {
        guard negated else { return values }
        return values.compactMap { value in
            if case .unaryOp(.not, let operand) = value.kind { return operand }
            return nil
        }
    }

    /// Names `x` with a `x.startswith(P)` test (under `not` when `negated`) whose prefixes
    /// include exactly `prefix`.
    static func prefixChecks(_ values: [Expr], negated: Bool, containing prefix: String) -> Set<String> {
        var names = Set<String>()
        for test in tested(values, negated: negated) {
            guard case .call(let function, let arguments, _) = test.kind, case .attribute(let receiver, "startswith", _) = function.kind,
                  case .name(let id, _) = receiver.kind, let argument = arguments.first else { continue }
            var prefixes: [String] = []
            if let single = argument.stringConstant { prefixes = [single] }
            if case .tuple(let elements, _) = argument.kind { prefixes = elements.compactMap(\.stringConstant) }
            if prefixes.contains(prefix) { names.insert(id) }
        }
        return names
    }

    /// Names whose parsed URL is tested for a host part: `not parts.netloc` (with
    /// `parts = urlsplit(u)`) when `negated` (the parts of an `and`), `parts.netloc` otherwise
    /// (the parts of an `or` that must fail). No host part: no `//` at the start either.
    /// With `ofNormalisedText`, only checks of a URL parsed with its backslashes made slashes
    /// (`urlparse(u.replace("\\", "/")).netloc`): they see a backslash host as a host.
    static func netlocChecks(_ values: [Expr], negated: Bool, imports: ImportTable, facts: (any GuardFacts)?,
                             ofNormalisedText: Bool = false) -> Set<String> {
        var names = Set<String>()
        for test in tested(values, negated: negated) {
            guard case .attribute(let parsed, "netloc", _) = test.kind, let ids = hostOfParsedURL(test, imports: imports, facts: facts) else { continue }
            if ofNormalisedText {
                var call = parsed
                if case .name(let id, _) = parsed.kind, let value = facts?.onlyAssignment(of: id, around: test.loc.startByte) { call = value }
                guard case .call(_, let arguments, _) = call.kind, let first = arguments.first, backslashesNormalised(first) != nil else { continue }
            }
            names.formUnion(ids)
        }
        return names
    }

    /// `u` of `u.replace("\\", "/")`.
    static func backslashesNormalised(_ expression: Expr) -> Expr? {
        guard case .call(let function, let arguments, _) = expression.kind, case .attribute(let text, "replace", _) = function.kind,
              arguments.count == 2, arguments[0].stringConstant == "\\", arguments[1].stringConstant == "/" else { return nil }
        return text
    }

    /// `value` leaves no backslash: `u.replace("\\", "/")`, then only case or surrounding
    /// space changed (`.strip()`).
    static func removesBackslashes(_ value: Expr) -> Bool {
        var current = value
        while case .call(let function, let arguments, _) = current.kind, case .attribute(let receiver, let method, _) = function.kind {
            if method == "replace", arguments.count == 2, arguments[0].stringConstant == "\\",
               let replacement = arguments[1].stringConstant, !replacement.contains("\\") { return true }
            guard ["strip", "lstrip", "rstrip", "lower", "casefold"].contains(method) else { return false }
            current = receiver
        }
        return false
    }

    /// Names bound once, where `position` is, to text with no backslash left
    /// (`normalized = target.replace("\\", "/")`).
    static func backslashFreeNames(_ values: [Expr], at position: Int, facts: (any GuardFacts)?) -> Set<String> {
        guard let facts else { return [] }
        var names = Set<String>()
        for value in values {
            Self.names(in: value) { id in
                if !names.contains(id), let bound = facts.onlyAssignment(of: id, around: position) ?? facts.onlyRebinding(of: id, around: position),
                   removesBackslashes(bound) { names.insert(id) }
            }
        }
        return names
    }

    /// Names tested for a backslash: `"\\" not in u` (or `not "\\" in u`) when `excluded`
    /// (the parts of an `and` that must hold), `"\\" in u` otherwise (the parts of an `or`
    /// that must fail).
    static func backslashChecks(_ values: [Expr], excluded: Bool) -> Set<String> {
        var names = Set<String>()
        for value in values {
            var test = value
            var negated = false
            if case .unaryOp(.not, let operand) = value.kind { test = operand; negated = true }
            // `any(ch == "\\" or ord(ch) < 32 for ch in value)`: true when a backslash is there.
            if case .call(let function, let arguments, _) = test.kind, case .name("any", _) = function.kind, arguments.count == 1,
               case .generatorExp(let element, let generators) = arguments[0].kind, generators.count == 1,
               case .name(let variable, _) = generators[0].target.kind, case .name(let id, _) = generators[0].iter.kind {
                let parts: [Expr]
                if case .boolOp(.or, let alternatives) = element.kind { parts = alternatives } else { parts = [element] }
                let finds = parts.contains { part in
                    guard case .compare(let left, let ops, let comparators) = part.kind, ops == [.eq] else { return false }
                    return left.stringConstant == "\\" && { if case .name(variable, _) = comparators[0].kind { true } else { false } }()
                        || comparators[0].stringConstant == "\\" && { if case .name(variable, _) = left.kind { true } else { false } }()
                }
                if finds, excluded == negated { names.insert(id) }
                continue
            }
            guard case .compare(let left, let ops, let comparators) = test.kind, ops.count == 1, left.stringConstant == "\\",
                  case .name(let id, _) = comparators[0].kind else { continue }
            let absent = (ops[0] == .notIn) != negated
            let present = (ops[0] == .in) != negated
            if excluded ? absent : present { names.insert(id) }
        }
        return names
    }

    /// Whether the test proves something of a container's element (`parts[0] in SERVICES`).
    var provesElements: Bool { whenTrue.keys.contains { $0.contains("[") } || whenFalse.keys.contains { $0.contains("[") } }

    func applyWhenTrue(_ environment: inout [String: Taint]) { Self.apply(whenTrue, to: &environment) }
    func applyWhenFalse(_ environment: inout [String: Taint]) { Self.apply(whenFalse, to: &environment) }

    private static func apply(_ effects: [String: Effect], to environment: inout [String: Taint]) {
        for (name, effect) in effects {
            // An element (`parts[0]`): checked, it holds the container's data made safe.
            if environment[name] == nil, let bracket = name.firstIndex(of: "["), let container = environment[String(name[..<bracket])] {
                environment[name] = container
            }
            environment[name] = environment[name].map(effect.apply)
        }
    }

    /// Whether a block always leaves: its last statement returns, raises, breaks, continues
    /// or calls `abort()`/`sys.exit()`/`parser.error()`.
    static func terminates(_ block: [Stmt]) -> Bool {
        guard let last = block.last else { return false }
        switch last.kind {
        case .return, .raise, .break, .continue:
            return true
        case .expr(let value):
            if case .call(let function, _, _) = value.kind {
                switch function.kind {
                case .name(let id, _): return exits.contains(id)
                case .attribute(let receiver, let attr, _):
                    if attr == "exit" || attr == "abort" || attr == "_exit" { return true }
                    // argparse's `parser.error(...)` and click's `ctx.fail(...)` exit too (a
                    // logger's `.error` does not).
                    guard case .name(let owner, _) = receiver.kind else { return false }
                    return attr == "error" && owner.lowercased().hasSuffix("parser") || attr == "fail" && owner == "ctx"
                default: return false
                }
            }
            return false
        case .if(_, let body, let orelse):
            return !orelse.isEmpty && terminates(body) && terminates(orelse)
        default:
            return false
        }
    }
}
