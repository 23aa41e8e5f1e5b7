import Foundation
@testable import Pipeline
import Testing

@Suite("JSON report text")
struct JSONTextTests {
    /// What the report prints must read back as the same values, whatever the text holds.
    @Test func stringsReadBackExactly() throws {
        let texts = ["plain", "quote \" and \\ backslash", "a/b", "line\nbreak\r\ttab", "\u{01}\u{1f}\u{08}\u{0c}", "é ü 漢字 🐍",
                     "\"\u{301} combining mark after a quote", "\r\n", ""]
        let document = JSONText.object(["texts": .array(texts.map(JSONText.string))]).rendered
        let read = try JSONSerialization.jsonObject(with: Data(document.utf8)) as? [String: [String]]
        #expect(read?["texts"] == texts)
        #expect(document.contains("a/b"), "slashes are not escaped")
        #expect(document.contains("\\u0001"))
    }

    /// Keys sorted (a dictionary's by the printer), nested values indented two spaces a level,
    /// absent members left out.
    @Test func layoutIsSortedAndIndented() {
        let absent: String? = nil
        let document = JSONText.object([
            "a": .array([.bool(true), .null]), "b": .int(-3), "c": .object(sorting: [:]), "d": .double(12),
            "e": .double(0.25), "f": absent.map(JSONText.string), "g": .unsigned(UInt64.max), "h": .object(sorting: ["y": .int(2), "x": .int(1)]),
            "i": .array([]),
        ]).rendered
        #expect(document == """
        {
          "a" : [
            true,
            null
          ],
          "b" : -3,
          "c" : {},
          "d" : 12,
          "e" : 0.25,
          "g" : 18446744073709551615,
          "h" : {
            "x" : 1,
            "y" : 2
          },
          "i" : []
        }

        """)
    }
}
