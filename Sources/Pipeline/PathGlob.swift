/// A path glob as used by the policy's include and exclude lists: `*` and `?` within one path
/// component, `[abc]` classes, `**` across directories. A pattern without `/` matches the
/// file name at any depth (as in .gitignore).
public struct PathGlob: Sendable, Hashable {
    public let pattern: String
    private let components: [Substring]
    private let basenameOnly: Bool

    public init(_ pattern: String) {
        self.pattern = pattern
        let trimmed = pattern.hasPrefix("./") ? String(pattern.dropFirst(2)) : pattern
        basenameOnly = !trimmed.contains("/")
        components = trimmed.split(separator: "/", omittingEmptySubsequences: true)
    }

    /// Whether `path` (relative, `/`-separated) matches.
    public func matches(_ path: String) -> Bool {
        let parts = path.split(separator: "/", omittingEmptySubsequences: true)
        if basenameOnly {
            guard let last = parts.last, let only = components.first else { return false }
            return Self.matchComponent(Array(only.utf8), Array(last.utf8))
        }
        return Self.match(components[...], parts[...])
    }

    private static func match(_ pattern: ArraySlice<Substring>, _ path: ArraySlice<Substring>) -> Bool {
        guard let first = pattern.first else { return path.isEmpty }
        if first == "**" {
            let rest = pattern.dropFirst()
            var remaining = path
            while true {
                if match(rest, remaining) { return true }
                guard !remaining.isEmpty else { return false }
                remaining = remaining.dropFirst()
            }
        }
        guard let head = path.first, matchComponent(Array(first.utf8), Array(head.utf8)) else { return false }
        return match(pattern.dropFirst(), path.dropFirst())
    }

    /// Matches one component with `*`, `?` and `[...]`, iteratively (no exponential blow-up).
    static func matchComponent(_ pattern: [UInt8], _ text: [UInt8]) -> Bool {
        var p = 0, t = 0
        var starP = -1, starT = 0
        while t < text.count {
            if p < pattern.count, pattern[p] == UInt8(ascii: "*") {
                starP = p
                starT = t
                p += 1
                continue
            }
            if p < pattern.count, let next = matchOne(pattern, p, text[t]) {
                p = next
                t += 1
                continue
            }
            guard starP >= 0 else { return false }
            p = starP + 1
            starT += 1
            t = starT
        }
        while p < pattern.count, pattern[p] == UInt8(ascii: "*") { p += 1 }
        return p == pattern.count
    }

    /// If pattern element at `p` matches `byte`, the index after it.
    private static func matchOne(_ pattern: [UInt8], _ p: Int, _ byte: UInt8) -> Int? {
        switch pattern[p] {
        case UInt8(ascii: "?"):
            return p + 1
        case UInt8(ascii: "["):
            var i = p + 1
            var negate = false
            if i < pattern.count, pattern[i] == UInt8(ascii: "!") || pattern[i] == UInt8(ascii: "^") {
                negate = true
                i += 1
            }
            var matched = false
            var first = true
            while i < pattern.count, first || pattern[i] != UInt8(ascii: "]") {
                first = false
                if i + 2 < pattern.count, pattern[i + 1] == UInt8(ascii: "-"), pattern[i + 2] != UInt8(ascii: "]") {
                    if pattern[i] <= byte && byte <= pattern[i + 2] { matched = true }
                    i += 3
                } else {
                    if pattern[i] == byte { matched = true }
                    i += 1
                }
            }
            guard i < pattern.count else { return pattern[p] == byte ? p + 1 : nil }  // no closing ]: literal [
            return matched != negate ? i + 1 : nil
        default:
            return pattern[p] == byte ? p + 1 : nil
        }
    }
}

/// The policy's include and exclude lists together.
public struct PathFilter: Sendable {
    public let include: [PathGlob]
    public let exclude: [PathGlob]

    public init(include: [String], exclude: [String]) {
        self.include = include.map(PathGlob.init)
        self.exclude = exclude.map(PathGlob.init)
    }

    public func admits(_ path: String) -> Bool {
        (include.isEmpty || include.contains { $0.matches(path) }) && !exclude.contains { $0.matches(path) }
    }
}
