import PythonSyntax

/// B304: broken or weak ciphers (DES, RC2, RC4, Blowfish, IDEA, ...).
struct WeakCipherRule: Rule {
    static let description = RuleDescription(
        code: "ASC304", name: "weak-cipher", banditID: "B304", cwe: 327, severity: .high, confidence: .high,
        rationale: """
        DES, 3DES, RC2, RC4, Blowfish, IDEA, CAST5, SEED and XOR have small keys, small blocks or \
        known biases. Use an authenticated modern cipher: AES-GCM or ChaCha20-Poly1305 \
        (cryptography's AESGCM / ChaCha20Poly1305).
        """,
        triggering: [
            "from Crypto.Cipher import DES\ncipher = ↓DES.new(key, DES.MODE_CBC, iv)\n",
            "from cryptography.hazmat.primitives.ciphers import Cipher, algorithms\nc = Cipher(↓algorithms.ARC4(key), mode=None)\n",
        ],
        nonTriggering: [
            "from Crypto.Cipher import AES\ncipher = AES.new(key, AES.MODE_GCM)\n",
            "from cryptography.hazmat.primitives.ciphers.aead import AESGCM\naead = AESGCM(key)\n",
        ]
    )

    var callees: Set<String> {
        var names: Set<String> = []
        for package in ["Crypto", "Cryptodome"] {
            for cipher in ["ARC2", "ARC4", "Blowfish", "DES", "DES3", "XOR", "CAST"] { names.insert("\(package).Cipher.\(cipher).new") }
        }
        for module in ["cryptography.hazmat.primitives.ciphers.algorithms", "cryptography.hazmat.decrepit.ciphers.algorithms"] {
            for cipher in ["ARC4", "Blowfish", "IDEA", "CAST5", "SEED", "TripleDES"] { names.insert("\(module).\(cipher)") }
        }
        return names
    }

    func check(call: CallSite, context: inout RuleContext) {
        let parts = call.qualifiedName.split(separator: ".")
        let cipher = parts.last == "new" ? parts[parts.count - 2] : parts[parts.count - 1]
        context.report(call.expression.loc, "\(cipher) is a weak cipher", fixHint: "use AES-GCM or ChaCha20-Poly1305")
    }
}
