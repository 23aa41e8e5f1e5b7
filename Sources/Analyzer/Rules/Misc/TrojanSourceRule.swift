#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import PythonSyntax

/// B613: Unicode bidirectional control characters that make code read differently than it runs.
struct TrojanSourceRule: Rule {
    static let description = RuleDescription(
        code: "ASC613", name: "trojan-source", banditID: "B613", cwe: 838, severity: .high, confidence: .medium,
        rationale: """
        Bidirectional control characters (U+202A–U+202E, U+2066–U+2069, U+200F) reorder how \
        text is displayed, so a reviewer can see a comment where the interpreter sees code \
        (Trojan Source, CVE-2021-42574). Remove them; write them as escapes (\\u202e) where a \
        string really needs one.
        """,
        triggering: [
            "access = \"user↓\u{202E} \u{2066}# admin\u{2069} \u{2066}\"\n",
            "x = 1\ny = \"abc\" # ↓\u{2067}note\n",
        ],
        nonTriggering: [
            "s = \"\\u202e\"\n",  // an escape, not the character
            "name = \"café\"\n",
        ]
    )

    var inspectsSource: Bool { true }

    /// Whether the three UTF-8 bytes at `index` encode a bidirectional control character.
    static func isBidi(_ bytes: [UInt8], _ index: Int) -> Bool {
        guard index + 2 < bytes.count, bytes[index] == 0xE2 else { return false }
        let (second, third) = (bytes[index + 1], bytes[index + 2])
        if second == 0x80 { return (0xAA...0xAE).contains(third) || third == 0x8F }
        if second == 0x81 { return (0xA6...0xA9).contains(third) }
        return false
    }

    func check(source parsed: ParsedModule, context: inout RuleContext) {
        let bytes = parsed.source
        // Every bidirectional control is a three-byte sequence starting 0xE2: jump between
        // those bytes (memchr) and count lines only up to each hit, not byte by byte.
        var line = 1
        var lineStart = 0
        var counted = 0
        var reportedLine = 0
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            var index = 0
            while index < buffer.count, let hit = memchr(base + index, 0xE2, buffer.count - index) {
                let position = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                index = position + 1
                guard Self.isBidi(bytes, position) else { continue }
                while counted < position {
                    if buffer[counted] == 0x0A { line += 1; lineStart = counted + 1 }
                    counted += 1
                }
                guard line != reportedLine else { continue }
                reportedLine = line
                context.report(Loc(line: line, column: position - lineStart, length: 3, startByte: position),
                               "bidirectional control character can make the code read differently than it runs (Trojan Source)")
            }
        }
    }
}

private extension Loc {
    /// The location of a byte range on one line, given its line and column.
    init(line: Int, column: Int, length: Int, startByte: Int) {
        self.init(lineno: line, colOffset: column, endLineno: line, endColOffset: column + length,
                  startByte: startByte, endByte: startByte + length)
    }
}
