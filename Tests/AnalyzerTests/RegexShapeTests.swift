@testable import Analyzer
import Testing

/// The regex model behind ASC21333: which constant patterns backtrack badly, and which must
/// stay quiet.
@Suite("Regex shapes")
struct RegexShapeTests {
    @Test("Nested repeats", arguments: [
        #"(a+)+"#, #"(a*)*"#, #"(\w+\s?)+"#, #"^([a-zA-Z0-9]+\.?)+@x\.com$"#, #"(?:\s*\w+)*$"#, #"((ab)+)+"#, #"([^,]+,?)+"#,
        #"(\d+){2,}"#,
    ])
    func nested(pattern: String) throws {
        let shape = try #require(RegexShape(pattern))
        #expect(shape.hasNestedQuantifier, "\(pattern)")
    }

    @Test("Adjacent overlapping repeats", arguments: [#"\d+\d*"#, #"\w+\w+"#, #"\d+E?\d+"#, #".*.*=.*"#, #"[a-z]+\s*[a-z0-9]+"#])
    func adjacent(pattern: String) throws {
        let shape = try #require(RegexShape(pattern))
        #expect(!shape.hasNestedQuantifier && shape.hasOverlappingAdjacentRepeats, "\(pattern)")
    }

    @Test("Safe patterns", arguments: [
        #"(\w+\s)*\w+$"#, #"(\w+)=(\d+)"#, #"\s*,\s*"#, #"(\d+\.\d+)+"#, #"(a+b+)+"#, #"^(.*?)\s*$"#, #"[ \t]*\n"#,
        #"(?P<key>[^=]+)=(?P<val>.*)"#, #"\s+\S+"#, #"(a|b)+c"#, #"(\s+)?x"#, #"\d++\d+"#, #"[^a]+a+"#, #"(?i)<b>\w+</b>"#,
        #"\{(\w+)\}"#, #"a{2,3}b{1,}"#,
    ])
    func safe(pattern: String) throws {
        let shape = try #require(RegexShape(pattern))
        #expect(!shape.hasNestedQuantifier && !shape.hasOverlappingAdjacentRepeats, "\(pattern)")
    }

    @Test("Unsupported syntax is left alone", arguments: [#"(a"#, #"a)"#, #"[abc"#, #"(?P=name)x"#, #"*a"#])
    func unsupported(pattern: String) {
        #expect(RegexShape(pattern) == nil, "\(pattern)")
    }

    /// A route pattern's capture groups, in the order they open (what Tornado passes a
    /// handler), and which of them hold a value to a plain word.
    @Test func routeGroups() {
        #expect(RegexShape.captureGroups(#"/docs/([A-Za-z0-9._-]+)/(.*)"#) == [#"[A-Za-z0-9._-]+"#, ".*"])
        #expect(RegexShape.captureGroups(#"/a/((\d+)-(x))/(?:y)/(?P<n>[a-z]+)/\(z\)"#) == [#"(\d+)-(x)"#, #"\d+"#, "x", "[a-z]+"])
        #expect(FunctionTable.matchesPlainWord(#"\d+"#) && FunctionTable.matchesPlainWord("[a-z0-9][a-z0-9.-]*")
                && FunctionTable.matchesPlainWord("[0-9]{4}"))
        #expect(!FunctionTable.matchesPlainWord(".*") && !FunctionTable.matchesPlainWord("[^/]+")
                && !FunctionTable.matchesPlainWord("[A-Za-z0-9._-]+") && !FunctionTable.matchesPlainWord("[a-z]*"))
        // A word that may start with `-`, but holds no dot.
        #expect(FunctionTable.matchesPlainWord("[A-Za-z0-9_-]+", leadingDash: true) && !FunctionTable.matchesPlainWord("[A-Za-z0-9_-]+")
                && !FunctionTable.matchesPlainWord("[A-Za-z0-9._-]+", leadingDash: true) && !FunctionTable.matchesPlainWord("[^/]+", leadingDash: true))
        // Malformed patterns are read without failing.
        for pattern in ["(", ")", "((", "[", "([a-z]{", "([a-z]{}", "(?", "(?P<", "\\", "{", "[a-", "(?P<n", ""] {
            _ = RegexShape.captureGroups(pattern)
            for group in RegexShape.captureGroups(pattern) + [pattern] { _ = FunctionTable.matchesPlainWord(group) }
        }
    }

    /// Which characters a whole-text pattern lets through: a group of anything admits quotes
    /// and brackets; digits and operators admit none; `\s` admits line breaks.
    @Test func admittedCharacters() {
        #expect(RegexShape.admits(RegexShape.specialCharacters, #"^!define\s+(?P<body>.+)$"#) == true)
        #expect(RegexShape.admits(RegexShape.specialCharacters, #"^!calc\s+(?P<expr>[0-9+*/ -]+)$"#) == false)
        #expect(RegexShape.admits(RegexShape.lineBreaks, #"^!calc\s+(?P<expr>[0-9+*/ -]+)$"#) == true)
        #expect(RegexShape.admits(RegexShape.lineBreaks, #"^[a-z0-9-]{1,32}$"#) == false)
    }
}
