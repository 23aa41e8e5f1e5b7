@testable import Analyzer
import Testing

/// The name tests behind the secret and password rules: how a name splits into words, and
/// the quick refusal of names that hold no secret word (asked of nearly every name).
@Suite("Secret names")
struct SecretNameTests {
    @Test("Names split at underscores, hyphens and camelCase humps, lower-cased", arguments: [
        ("DB_PASSWORD", ["db", "password"]), ("dbPassword", ["db", "password"]), ("userPwd2Hash", ["user", "pwd2", "hash"]),
        ("__init__", ["init"]), ("api-key", ["api", "key"]), ("HTTPServer", ["httpserver"]), ("a.b_c", ["a.b", "c"]), ("", []),
        // Outside ASCII: split by characters, as before.
        ("motDePasseÉté", ["mot", "de", "passe", "été"]), ("clé_secrète", ["clé", "secrète"]),
    ])
    func parts(name: String, expected: [String]) {
        #expect(PasswordNames.parts(name) == expected, "\(name)")
    }

    @Test("Secret-looking names", arguments: ["PASSWORD", "db_password", "api_token", "SECRET_KEY", "MAINTENANCE_PIN", "hash_pepper", "PassPhrase"])
    func secret(name: String) {
        #expect(SecretNames.mayHoldStem(name))
        #expect(SecretNames.looksSecret(name), "\(name)")
    }

    @Test("Names without a secret word are refused before splitting", arguments: ["user_name", "count", "LED_GPIO", "response", "spin_rate"])
    func plain(name: String) {
        #expect(!SecretNames.looksSecret(name))
        // `spin_rate` holds "pin" as letters: the full test decides.
        #expect(SecretNames.mayHoldStem(name) == (name == "spin_rate"), "\(name)")
    }

    @Test("A name outside ASCII always gets the full test")
    func nonASCII() {
        #expect(SecretNames.mayHoldStem("mot_de_passé"))
        #expect(SecretNames.looksSecret("ТОКЕН") == false)
    }
}
