import PythonSyntax

/// Byte search over a file's source, for rules that only apply where a name occurs.
enum SourceSearch {
    /// False only when no identifier of the file can be `identifier` (ASCII). The search is
    /// on the raw text; a name spelt with compatibility characters (`ｐam_authenticate` is
    /// `pam_authenticate` to Python, NFKC) would escape it, so a file with any non-ASCII
    /// identifier may always contain it.
    static func mayContain(identifier: String, in parsed: ParsedModule) -> Bool {
        if parsed.hasNonASCIIIdentifiers { return true }
        let needle = Array(identifier.utf8)
        guard let first = needle.first else { return true }
        return parsed.source.withUnsafeBufferPointer { bytes in
            let count = bytes.count, length = needle.count
            var index = 0
            while index + length <= count {
                if bytes[index] == first {
                    var matched = 1
                    while matched < length, bytes[index + matched] == needle[matched] { matched += 1 }
                    if matched == length { return true }
                }
                index += 1
            }
            return false
        }
    }
}
