@testable import Analyzer
import Testing

@Suite("Built strings")
struct BuiltStringTests {
    /// The byte pre-test must never turn away text the full test calls SQL.
    @Test func sqlVerbPreTestKeepsWhatLooksLikeSQL() {
        let cases: [(String, Bool)] = [
            ("SELECT * FROM users WHERE id = ?", true),
            ("  (select name from t", true),
            ("\n\tUPDATE t SET x = ?", true),
            ("Insert INTO log VALUES (?)", true),
            ("delete from t where id = ?", true),
            ("Select the file from the list", false),   // English: an article after the verb
            ("selection from the list", false),         // a longer word
            ("insert_row from x", false),
            ("update", false),                          // the verb alone
            ("sel", false),
            ("", false),
            ("print select from where", false),         // the verb is not first
        ]
        for (text, expected) in cases {
            let built = BuiltString(text: text, isDynamic: true)
            #expect(built.looksLikeSQL == expected, "\(text)")
            if built.looksLikeSQL { #expect(BuiltString.opensWithSQLVerb(text), "\(text)") }
        }
    }
}
