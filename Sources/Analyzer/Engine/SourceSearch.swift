import PythonSyntax

/// Byte search over a file's source, for rules that only apply where a name occurs.
enum SourceSearch {
    /// False only when no identifier of the file can be `identifier` (ASCII). The search is
    /// on the raw text; a name spelt with compatibility characters (`ｐam_authenticate` is
    /// `pam_authenticate` to Python, NFKC) would escape it, so a file with any non-ASCII
    /// identifier may always contain it.
    ///
    /// A match must be a whole word: with every identifier ASCII, the name stands between
    /// bytes that cannot continue an identifier (`open` is not found in `opener`).
    static func mayContain(identifier: String, in parsed: ParsedModule) -> Bool {
        if parsed.hasNonASCIIIdentifiers { return true }
        let needle = Array(identifier.utf8)
        guard let first = needle.first else { return true }
        return parsed.source.withUnsafeBufferPointer { bytes in
            let count = bytes.count, length = needle.count
            var index = 0
            while index + length <= count {
                if bytes[index] == first, index == 0 || !continuesIdentifier(bytes[index - 1]) {
                    var matched = 1
                    while matched < length, bytes[index + matched] == needle[matched] { matched += 1 }
                    if matched == length, index + length == count || !continuesIdentifier(bytes[index + length]) { return true }
                }
                index += 1
            }
            return false
        }
    }

    /// An ASCII letter, digit or underscore.
    private static func continuesIdentifier(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"):
            return true
        default:
            return false
        }
    }
}
