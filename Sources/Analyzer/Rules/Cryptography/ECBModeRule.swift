import PythonSyntax

/// B305: the ECB block cipher mode.
struct ECBModeRule: Rule {
    static let description = RuleDescription(
        code: "ASC305", name: "cipher-ecb-mode", banditID: "B305", cwe: 327, severity: .medium, confidence: .high,
        rationale: """
        ECB encrypts equal blocks to equal ciphertext, so patterns in the data show through and \
        blocks can be swapped unnoticed. Use an authenticated mode: AES-GCM (modes.GCM, or \
        AESGCM), or ChaCha20-Poly1305.
        """,
        triggering: [
            "from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes\nc = Cipher(algorithms.AES(key), ↓modes.ECB())\n",
            "from Crypto.Cipher import AES\ncipher = AES.new(key, ↓AES.MODE_ECB)\n",
        ],
        nonTriggering: [
            "from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes\nc = Cipher(algorithms.AES(key), modes.GCM(iv))\n",
            "from Crypto.Cipher import AES\ncipher = AES.new(key, AES.MODE_GCM)\n",
        ]
    )

    var callees: Set<String> { ["cryptography.hazmat.primitives.ciphers.modes.ECB"] }
    var calleePrefixes: [String] { ["Crypto.Cipher.", "Cryptodome.Cipher."] }

    func check(call: CallSite, context: inout RuleContext) {
        if call.qualifiedName.hasSuffix("modes.ECB") {
            context.report(call.expression.loc, "ECB mode leaks patterns of the plaintext", fixHint: "use GCM")
            return
        }
        guard call.qualifiedName.hasSuffix(".new"), let mode = call.argument("mode", position: 1),
              context.imports.qualifiedName(of: mode)?.hasSuffix(".MODE_ECB") == true else { return }
        context.report(mode.loc, "ECB mode leaks patterns of the plaintext", fixHint: "use GCM")
    }
}
