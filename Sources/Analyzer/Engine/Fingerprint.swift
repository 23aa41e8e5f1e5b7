/// Stable 64-bit FNV-1a fingerprints: no line numbers go in, so a finding keeps its
/// fingerprint when unrelated lines move.
enum Fingerprint {
    static func make(code: String, file: String, scope: String?, text: String) -> String {
        let normalised = text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }).joined(separator: " ")
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in "\(code)\u{0}\(file)\u{0}\(scope ?? "")\u{0}\(normalised)".utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
