/// A small model of a Python regular expression, enough to find the shapes that backtrack
/// badly: a repeated group whose body can match the same text in many ways (`(a+)+`), and
/// two adjacent repeats that can take the same characters (`\d+\d*`).
struct RegexShape {
    indirect enum Atom {
        /// One character from a class.
        case chars(CharClass)
        /// A group: its alternatives.
        case group([[Term]])
        /// Anchors, lookarounds and backreferences: nothing to share.
        case opaque
    }

    struct Term {
        var atom: Atom
        var min: Int
        /// nil: unbounded.
        var max: Int?
        var possessive = false
        var isUnbounded: Bool { max == nil && !possessive }
    }

    struct CharClass {
        enum Item { case char(Character), range(Character, Character), escape(Character) }
        var any = false
        var negated = false
        var items: [Item] = []

        func matches(_ c: Character) -> Bool {
            if any { return c != "\n" }
            let hit = items.contains { item in
                switch item {
                case .char(let x): return x == c
                case .range(let low, let high): return low <= c && c <= high
                case .escape(let e): return Self.escape(e, matches: c)
                }
            }
            return hit != negated
        }

        static func escape(_ e: Character, matches c: Character) -> Bool {
            switch e {
            case "d": return c.isNumber
            case "D": return !c.isNumber
            case "w": return c.isLetter || c.isNumber || c == "_"
            case "W": return !(c.isLetter || c.isNumber || c == "_")
            case "s": return c.isWhitespace
            case "S": return !c.isWhitespace
            default: return false
            }
        }

        var literals: [Character] {
            items.compactMap { item in
                switch item {
                case .char(let c), .range(let c, _): return c
                case .escape: return nil
                }
            }
        }
    }

    let alternatives: [[Term]]

    /// nil when the pattern uses syntax this model does not follow.
    init?(_ pattern: String) {
        var parser = Parser(characters: Array(pattern))
        guard let parsed = parser.alternation(), parser.index == parser.characters.count else { return nil }
        alternatives = parsed
    }

    /// Characters that make text dangerous somewhere: quotes, shell and SQL punctuation,
    /// markup and code (`'`, `;`, `<`, `(`, `$`…).
    static let specialCharacters: [Character] = Array("'\";|&$`<>(){}\\")
    static let lineBreaks: [Character] = ["\n", "\r"]

    /// Whether some character the pattern can match (outside anchors and lookarounds) is one
    /// of `characters`: `^!define\s+(?P<body>.+)$` can match anything a piece of code needs;
    /// `^[a-z0-9-]{1,32}$` nothing. Nil when the model cannot read the pattern.
    static func admits(_ characters: [Character], _ pattern: String) -> Bool? {
        guard let shape = RegexShape(pattern) else { return nil }
        func admits(_ alternatives: [[Term]]) -> Bool {
            alternatives.contains { terms in
                terms.contains { term in
                    guard term.max != 0 else { return false }
                    switch term.atom {
                    case .chars(let cls): return characters.contains(where: cls.matches)
                    case .group(let inner): return admits(inner)
                    case .opaque: return false
                    }
                }
            }
        }
        return admits(shape.alternatives)
    }

    // MARK: Findings

    /// A repeated group whose body has a repeat surrounded only by optional terms: `(a+)+`,
    /// `(\w+\s?)*`; the same text splits among iterations in exponentially many ways.
    var hasNestedQuantifier: Bool {
        var stack = alternatives
        while let sequence = stack.popLast() {
            for term in sequence {
                guard case .group(let inner) = term.atom else { continue }
                stack.append(contentsOf: inner)
                guard term.isUnbounded else { continue }
                for body in inner {
                    let repeated = body.filter { $0.isUnbounded && Self.consumes($0.atom) }
                    let required = body.filter { $0.min > 0 }
                    // Two required repeats of different text (`(a+b+)+`) split one way only.
                    if !repeated.isEmpty, required.count <= 1, required.allSatisfy({ $0.isUnbounded && Self.consumes($0.atom) }) {
                        return true
                    }
                }
            }
        }
        return false
    }

    /// Two repeats of overlapping classes with only optional terms between: `\d+\d*`,
    /// `\w+\w+`, `\d+E?\d+`.
    var hasOverlappingAdjacentRepeats: Bool {
        var stack = alternatives
        while let sequence = stack.popLast() {
            for (index, term) in sequence.enumerated() {
                if case .group(let inner) = term.atom { stack.append(contentsOf: inner) }
                guard term.isUnbounded, case .chars(let first) = term.atom else { continue }
                for next in sequence[(index + 1)...] {
                    if next.isUnbounded, case .chars(let second) = next.atom, Self.overlap(first, second) { return true }
                    if next.min > 0 { break }
                }
            }
        }
        return false
    }

    static func consumes(_ atom: Atom) -> Bool {
        switch atom {
        case .chars: return true
        case .group(let inner): return inner.contains { $0.contains { consumes($0.atom) } }
        case .opaque: return false
        }
    }

    static let probes: [Character] = ["a", "z", "A", "Z", "0", "9", "_", " ", "\t", "-", ".", "/", ":", "@", "<", ">", "\"", "'", ",", "é"]

    static func overlap(_ a: CharClass, _ b: CharClass) -> Bool {
        (probes + a.literals + b.literals).contains { a.matches($0) && b.matches($0) }
    }

    // MARK: Parsing

    struct Parser {
        let characters: [Character]
        var index = 0

        var peek: Character? { index < characters.count ? characters[index] : nil }

        mutating func alternation() -> [[Term]]? {
            var result: [[Term]] = []
            var current: [Term] = []
            while let c = peek, c != ")" {
                if c == "|" {
                    result.append(current)
                    current = []
                    index += 1
                    continue
                }
                guard let atom = atom() else { return nil }
                guard var term = atom.map({ Term(atom: $0, min: 1, max: 1) }) else { continue }
                if !quantify(&term) { return nil }
                current.append(term)
            }
            result.append(current)
            return result
        }

        /// nil on unsupported syntax; `.some(nil)` for something that matches nothing (a comment, flags).
        mutating func atom() -> Atom?? {
            guard let c = peek else { return nil }
            index += 1
            switch c {
            case "(":
                var opaque = false
                if peek == "?" {
                    index += 1
                    guard let kind = peek else { return nil }
                    switch kind {
                    case ":": index += 1
                    case "P":
                        index += 1
                        if peek == "<" {
                            while let x = peek, x != ">" { index += 1 }
                            index += 1
                        } else {
                            return nil  // (?P=name) backreference
                        }
                    case "=", "!": index += 1; opaque = true
                    case "<":
                        index += 1
                        guard peek == "=" || peek == "!" else { return nil }
                        index += 1
                        opaque = true
                    case "#":
                        while let x = peek, x != ")" { index += 1 }
                        index += 1
                        return .some(nil)
                    default:
                        // Inline flags `(?i)` or scoped `(?i:...)`.
                        while let x = peek, x.isLetter || x == "-" { index += 1 }
                        if peek == ")" { index += 1; return .some(nil) }
                        guard peek == ":" else { return nil }
                        index += 1
                    }
                }
                guard let inner = alternation(), peek == ")" else { return nil }
                index += 1
                return .some(opaque ? .opaque : .group(inner))
            case "[":
                return characterClass().map { .some(.chars($0)) }
            case ".":
                return .some(.chars(CharClass(any: true)))
            case "^", "$":
                return .some(.opaque)
            case "\\":
                guard let e = peek else { return nil }
                index += 1
                if "dDwWsS".contains(e) { return .some(.chars(CharClass(items: [.escape(e)]))) }
                if "bBAZ".contains(e) || e.isNumber { return .some(.opaque) }
                return .some(.chars(CharClass(items: [.char(Self.unescape(e))])))
            case "*", "+", "?", ")":
                return nil
            default:
                return .some(.chars(CharClass(items: [.char(c)])))
            }
        }

        static func unescape(_ e: Character) -> Character {
            switch e {
            case "n": return "\n"
            case "t": return "\t"
            case "r": return "\r"
            default: return e
            }
        }

        mutating func characterClass() -> CharClass? {
            var result = CharClass()
            if peek == "^" { result.negated = true; index += 1 }
            var first = true
            while let c = peek, c != "]" || first {
                first = false
                index += 1
                var item: CharClass.Item
                if c == "\\" {
                    guard let e = peek else { return nil }
                    index += 1
                    item = "dDwWsS".contains(e) ? .escape(e) : .char(Self.unescape(e))
                } else {
                    item = .char(c)
                }
                if case .char(let low) = item, peek == "-", index + 1 < characters.count, characters[index + 1] != "]" {
                    index += 1
                    var high = characters[index]
                    index += 1
                    if high == "\\", let e = peek { index += 1; high = Self.unescape(e) }
                    item = .range(low, high)
                }
                result.items.append(item)
            }
            guard peek == "]" else { return nil }
            index += 1
            return result
        }

        /// Reads a quantifier after a term; false on a malformed one.
        mutating func quantify(_ term: inout Term) -> Bool {
            guard let c = peek else { return true }
            switch c {
            case "*": term.min = 0; term.max = nil; index += 1
            case "+": term.min = 1; term.max = nil; index += 1
            case "?": term.min = 0; term.max = 1; index += 1
            case "{":
                var end = index + 1
                while end < characters.count, characters[end].isNumber || characters[end] == "," { end += 1 }
                guard end < characters.count, characters[end] == "}", end > index + 1 else { return true }  // a literal `{`
                let body = String(characters[(index + 1)..<end])
                let bounds = body.split(separator: ",", omittingEmptySubsequences: false)
                guard bounds.count <= 2 else { return true }
                term.min = Int(bounds[0]) ?? 0
                term.max = bounds.count == 1 ? Int(bounds[0]) : Int(bounds[1])
                index = end + 1
            default:
                return true
            }
            if peek == "?" { index += 1 } else if peek == "+" { term.possessive = true; index += 1 }
            return true
        }
    }
}

extension RegexShape {
    /// The text of each capturing group of `pattern`, in the order the groups open (what a
    /// framework passes a handler, group by group): `(?:...)` and other `(?` forms but named
    /// groups `(?P<n>...)` do not capture.
    static func captureGroups(_ pattern: String) -> [String] {
        let characters = Array(pattern)
        var groups: [(start: Int, captures: Bool, order: Int)] = []
        var found: [(order: Int, text: String)] = []
        var opened = 0
        var index = 0
        var inClass = false
        while index < characters.count {
            let character = characters[index]
            if character == "\\" { index += 2; continue }
            if inClass {
                if character == "]" { inClass = false }
            } else if character == "[" {
                inClass = true
            } else if character == "(" {
                var start = index + 1
                var captures = true
                if start < characters.count, characters[start] == "?" {
                    captures = start + 1 < characters.count && characters[start + 1] == "P" && start + 2 < characters.count && characters[start + 2] == "<"
                    if captures, let close = characters[start...].firstIndex(of: ">") { start = close + 1 }
                }
                groups.append((captures ? start : -1, captures, opened))
                if captures { opened += 1 }
            } else if character == ")", let group = groups.popLast(), group.captures {
                found.append((group.order, String(characters[group.start..<index])))
            }
            index += 1
        }
        return found.sorted { $0.order < $1.order }.map(\.text)
    }
}
