import PythonSyntax

/// Which of a fixed set of names occur in a file, for rules (and the taint engine) that only
/// apply where a name does. One pass over the source finds them all: asking name by name
/// cost a tenth of a scan.
struct NameIndex: Sendable {
    /// Indices of the names by first byte, flat: those starting with byte `b` are
    /// `candidates[firstByteStart[b]..<firstByteStart[b + 1]]` (no array to retain per word).
    private let candidates: [Int]
    private let firstByteStart: [Int]
    private let shortest: Int, longest: Int
    /// Per first byte, bit `n` set when a name of length `n` (below 64) starts with it: most
    /// words of a file are turned away by this one test.
    private let lengthsByFirstByte: [UInt64]
    /// The names' bytes end to end, with where each starts and how long it is.
    private let nameBytes: [UInt8]
    private let nameOffsets: [Int]
    private let nameLengths: [Int]

    init(_ names: [String]) {
        let names = names.map { Array($0.utf8) }
        var byFirstByte = [[Int]](repeating: [], count: 256)
        for (index, name) in names.enumerated() where !name.isEmpty { byFirstByte[Int(name[0])].append(index) }
        nameBytes = names.flatMap { $0 }
        nameLengths = names.map(\.count)
        var offsets: [Int] = []
        var offset = 0
        for name in names { offsets.append(offset); offset += name.count }
        nameOffsets = offsets
        candidates = byFirstByte.flatMap { $0 }
        var start = [0]
        for list in byFirstByte { start.append(start[start.count - 1] + list.count) }
        firstByteStart = start
        shortest = nameLengths.min() ?? 0
        longest = nameLengths.max() ?? 0
        var lengths = [UInt64](repeating: 0, count: 256)
        for name in names where !name.isEmpty {
            lengths[Int(name[0])] |= name.count < 64 ? 1 << UInt64(name.count) : 1  // bit 0: some longer name
        }
        lengthsByFirstByte = lengths
    }

    /// For each name, false only when no identifier of the file can be it. The source is cut
    /// into words (runs of ASCII letters, digits and `_`): with every identifier ASCII, an
    /// identifier is exactly such a word. A name spelt with compatibility characters
    /// (`ｐam_authenticate` is `pam_authenticate` to Python, NFKC) would escape the search, so
    /// a file with any non-ASCII identifier may hold every name.
    func present(in parsed: ParsedModule) -> [Bool] {
        scan(parsed, positionsOf: []).present
    }

    /// As `present`, and the byte offsets (ascending) where any name of `tracked` (indices into
    /// the names) occurs; nil when the file has a non-ASCII identifier (anything may be anywhere).
    func scan(_ parsed: ParsedModule, positionsOf tracked: Set<Int>) -> (present: [Bool], positions: [Int]?) {
        if parsed.hasNonASCIIIdentifiers || nameLengths.isEmpty { return (Array(repeating: true, count: nameLengths.count), nil) }
        var found = Array(repeating: false, count: nameLengths.count)
        var positions: [Int] = []
        // Asked at every word: an array, not a hashed set.
        var isTracked = Array(repeating: false, count: nameLengths.count)
        for index in tracked where index < nameLengths.count { isTracked[index] = true }
        // Every table read through a pointer: the loop runs once per word of every file.
        parsed.source.withUnsafeBufferPointer { bytes in
        candidates.withUnsafeBufferPointer { candidates in
        firstByteStart.withUnsafeBufferPointer { firstByteStart in
        nameBytes.withUnsafeBufferPointer { nameBytes in
        nameOffsets.withUnsafeBufferPointer { nameOffsets in
        nameLengths.withUnsafeBufferPointer { nameLengths in
        lengthsByFirstByte.withUnsafeBufferPointer { lengthsByFirstByte in
        found.withUnsafeMutableBufferPointer { found in
        isTracked.withUnsafeBufferPointer { isTracked in
            let count = bytes.count
            var index = 0
            while index < count {
                guard Self.continuesIdentifier(bytes[index]) else { index += 1; continue }
                let start = index
                while index < count, Self.continuesIdentifier(bytes[index]) { index += 1 }
                let length = index - start
                guard length >= shortest, length <= longest else { continue }
                let first = Int(bytes[start])
                let lengths = lengthsByFirstByte[first]
                guard lengths & (length < 64 ? 1 << UInt64(length) : 1) != 0 else { continue }
                for slot in firstByteStart[first]..<firstByteStart[first + 1] {
                    let candidate = candidates[slot]
                    guard !found[candidate] || isTracked[candidate], nameLengths[candidate] == length else { continue }
                    let offset = nameOffsets[candidate]
                    var matched = 1
                    while matched < length, bytes[start + matched] == nameBytes[offset + matched] { matched += 1 }
                    guard matched == length else { continue }
                    found[candidate] = true
                    if isTracked[candidate] { positions.append(start) }
                }
            }
        }}}}}}}}}
        return (found, positions)
    }

    /// An ASCII letter, digit or underscore (one bit per byte: `0-9` in the low word, `A-Z`,
    /// `_` and `a-z` in the high one).
    @inline(__always) static func continuesIdentifier(_ byte: UInt8) -> Bool {
        if byte >= 128 { return false }
        let digits: UInt64 = 0x03FF_0000_0000_0000, letters: UInt64 = 0x07FF_FFFE_87FF_FFFE
        return ((byte < 64 ? digits : letters) >> UInt64(byte & 63)) & 1 != 0
    }
}
