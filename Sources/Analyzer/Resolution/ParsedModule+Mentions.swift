import PythonSyntax

extension ParsedModule {
    /// Whether the source text holds `word` anywhere (comments and strings too): a cheap test
    /// before a walk of the whole tree that only such files need.
    func mentions(_ word: String) -> Bool {
        let needle = Array(word.utf8)
        guard let first = needle.first, needle.count <= source.count else { return false }
        return source.withUnsafeBufferPointer { haystack in
            var index = 0
            let last = haystack.count - needle.count
            while index <= last {
                if haystack[index] == first {
                    var matched = 1
                    while matched < needle.count, haystack[index + matched] == needle[matched] { matched += 1 }
                    if matched == needle.count { return true }
                }
                index += 1
            }
            return false
        }
    }
}
