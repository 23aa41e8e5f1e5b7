import PythonSyntax

/// CWE-329: a cipher given an initialization vector or nonce fixed in the source.
struct ConstantIVRule: Rule {
    static let description = RuleDescription(
        code: "ASC2329", name: "constant-iv-or-nonce", cwe: 329, severity: .medium, confidence: .high,
        rationale: """
        A fixed IV makes CBC encrypt equal first blocks to equal ciphertext, and a reused nonce \
        in CTR or GCM gives away the XOR of two plaintexts and, for GCM, the authentication key. \
        Generate a fresh IV or nonce for every message (os.urandom(16), get_random_bytes(12)) \
        and send it with the ciphertext.
        """,
        triggering: [
            "from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes\n\ndef encryptor(key):\n    iv = b\"x\" * 16\n    return Cipher(algorithms.AES(key), modes.CBC(↓iv)).encryptor()\n",
            "from Crypto.Cipher import AES\ncipher = AES.new(key, AES.MODE_CBC, ↓b\"0000000000000000\")\n",
            "from Crypto.Cipher import AES\ncipher = AES.new(key, AES.MODE_GCM, nonce=↓b\"\\x00\" * 12)\n",
            "from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes\ncipher = Cipher(algorithms.AES(key), modes.CBC(↓bytes(16)))\n",
            "from cryptography.hazmat.primitives.ciphers import modes\nIV = b\"fedcba9876543210\"\nmode = modes.CTR(↓IV)\n",
            "from Crypto.Cipher import AES\n\ndef enc(key, data):\n    static_vector = b\"x\" * AES.block_size\n    return AES.new(key, AES.MODE_CBC, ↓static_vector).encrypt(data)\n",
        ],
        nonTriggering: [
            "import os\nfrom cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes\n\ndef encryptor(key):\n    iv = os.urandom(16)\n    return Cipher(algorithms.AES(key), modes.CBC(iv)).encryptor()\n",
            "import os\nfrom Crypto.Cipher import AES\ncipher = AES.new(key, AES.MODE_CBC, os.urandom(16))\n",
            "from Crypto.Cipher import AES\ncipher = AES.new(key, AES.MODE_GCM)\n",
            "import os\nfrom cryptography.hazmat.primitives.ciphers import modes\nmode = modes.CBC(iv)\n",
            // The IV encryption used: reported where encryption chose it.
            "from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes\nIV = b\"0123456789abcdef\"\n\ndef decrypt_note(key, blob):\n    d = Cipher(algorithms.AES(key), modes.CBC(IV)).decryptor()\n    return d.update(blob) + d.finalize()\n",
        ]
    )

    static func decrypts(_ loc: Loc, context: RuleContext) -> Bool {
        func decryptionOnly(_ text: String) -> Bool {
            let lowered = text.lowercased()
            return lowered.contains("decrypt") && !lowered.contains("encrypt")
        }
        if decryptionOnly(context.sourceMap.line(loc.lineno) ?? "") { return true }
        guard let scope = context.parsed.enclosingScope(startLine: loc.lineno, endLine: loc.endLineno)?.qualifiedName else { return false }
        return decryptionOnly(String(scope.split(separator: ".").last ?? ""))
    }

    static let modes: Set<String> = ["CBC", "CFB", "CFB8", "OFB", "CTR", "GCM", "XTS"]
    static let ciphers: Set<String> = ["AES", "DES", "DES3", "Blowfish", "CAST", "ARC2", "ChaCha20", "Salsa20", "ChaCha20_Poly1305"]

    var calleePrefixes: [String] { ["Crypto.Cipher.", "Cryptodome.Cipher.", "cryptography.hazmat.primitives.ciphers.modes."] }

    func check(call: CallSite, context: inout RuleContext) {
        let parts = call.qualifiedName.split(separator: ".").map(String.init)
        let vector: Expr?
        if call.qualifiedName.hasPrefix("cryptography."), let last = parts.last, Self.modes.contains(last) {
            vector = call.argument(last == "GCM" ? "initialization_vector" : (last == "CTR" ? "nonce" : "initialization_vector"), position: 0)
                ?? call.argument("tweak", position: nil)
        } else if parts.count >= 4, parts.last == "new", Self.ciphers.contains(parts[parts.count - 2]) {
            vector = call.argument("iv", position: 2) ?? call.argument("nonce", position: nil)
        } else {
            return
        }
        guard let vector, vector.isConstantBytes || ModuleConstants.isConstantName(vector, in: context.parsed.module) else { return }
        // Decryption must use the IV the data was encrypted with: the flaw is reported where
        // the encryption chose it (`Cipher(..., modes.CBC(IV)).decryptor()`, `def decrypt`).
        if Self.decrypts(call.expression.loc, context: context) { return }
        context.report(vector.loc, "\(call.qualifiedName) uses a constant IV or nonce", fixHint: "generate a random IV per message (os.urandom(16))")
    }
}
