/// Byte search over a file's source, for rules that only apply where a name occurs.
enum SourceSearch {
    /// False only when `identifier` (ASCII) cannot occur in the file. An identifier may also
    /// be spelt with compatibility characters that normalise to it (`ｐam_authenticate` is
    /// `pam_authenticate` to Python, NFKC), so a file with any non-ASCII byte may contain it.
    static func mayContain(identifier: String, in source: [UInt8]) -> Bool {
        let needle = Array(identifier.utf8)
        guard let first = needle.first else { return true }
        return source.withUnsafeBufferPointer { bytes in
            let count = bytes.count, length = needle.count
            var index = 0
            while index < count {
                let byte = bytes[index]
                if byte >= 0x80 { return true }
                if byte == first, index + length <= count {
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
