import Foundation

/// Maps byte offsets to (line, column) and back, extracts node text, and finds the
/// innermost enclosing function or class for a line range.
public struct SourceMap: Sendable {
    public let source: [UInt8]
    /// Byte offset of the start of each line (index 0 = line 1).
    public let lineStarts: [Int]

    public init(_ source: [UInt8]) {
        self.source = source
        var starts = [0]
        // Built for every scanned file: read the bytes in place, and guess the size (lines of
        // code average about 35 bytes).
        starts.reserveCapacity(source.count / 32 + 2)
        source.withUnsafeBufferPointer { bytes in
            let n = bytes.count
            // Most files end lines with `\n` alone: then `memchr` finds them (no byte loop).
            if let base = bytes.baseAddress, memchr(base, 13, n) == nil {
                var offset = 0
                while offset < n, let hit = memchr(base + offset, 10, n - offset) {
                    offset = base.distance(to: hit.assumingMemoryBound(to: UInt8.self)) + 1
                    starts.append(offset)
                }
                return
            }
            var i = 0
            while i < n {
                let c = bytes[i]
                if c == 10 { starts.append(i + 1) }
                else if c == 13 {
                    if i + 1 < n && bytes[i + 1] == 10 { i += 1 }
                    starts.append(i + 1)
                }
                i += 1
            }
        }
        lineStarts = starts
    }

    public var lineCount: Int { lineStarts.count }

    /// 1-based line and 0-based UTF-8 byte column of a byte offset (clamped to the source).
    public func position(ofByte offset: Int) -> (line: Int, column: Int) {
        let o = max(0, min(offset, source.count))
        var lo = 0, hi = lineStarts.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if lineStarts[mid] <= o { lo = mid } else { hi = mid - 1 }
        }
        return (lo + 1, o - lineStarts[lo])
    }

    /// Byte offset of (1-based line, 0-based byte column); nil when out of range.
    public func byteOffset(line: Int, column: Int) -> Int? {
        guard line >= 1, line <= lineStarts.count, column >= 0 else { return nil }
        let o = lineStarts[line - 1] + column
        return o <= source.count ? o : nil
    }

    /// Source text of a node location (via its byte range).
    public func text(of loc: Loc) -> String {
        let s = max(0, min(loc.startByte, source.count)), e = max(s, min(loc.endByte, source.count))
        return String(decoding: source[s..<e], as: UTF8.self)
    }

    /// Text of a 1-based line without its line terminator.
    public func line(_ n: Int) -> String? {
        guard n >= 1, n <= lineStarts.count else { return nil }
        var e = n < lineStarts.count ? lineStarts[n] : source.count
        while e > lineStarts[n - 1] && (source[e - 1] == 10 || source[e - 1] == 13) { e -= 1 }
        return String(decoding: source[lineStarts[n - 1]..<e], as: UTF8.self)
    }
}

/// A function or class definition enclosing some lines.
public struct EnclosingScope: Sendable {
    public enum Kind: Sendable { case function, asyncFunction, `class` }
    public var kind: Kind
    public var name: String
    /// Dotted path of enclosing definitions, e.g. `Outer.method`.
    public var qualifiedName: String
    public var loc: Loc
}

extension ParsedModule {
    /// Innermost function or class whose span (decorators excluded, like CPython) contains lines
    /// `startLine...endLine`.
    public func enclosingScope(startLine: Int, endLine: Int) -> EnclosingScope? {
        var best: EnclosingScope? = nil
        var stack: [([Stmt], String)] = [(module.body, "")]
        while let (body, prefix) = stack.popLast() {
            for s in body where s.loc.lineno <= startLine && s.loc.endLineno >= endLine {
                switch s.kind {
                case let .functionDef(name, _, inner, _, _, _, isAsync):
                    let q = prefix.isEmpty ? name : prefix + "." + name
                    best = EnclosingScope(kind: isAsync ? .asyncFunction : .function, name: name, qualifiedName: q, loc: s.loc)
                    stack.append((inner, q))
                case let .classDef(name, _, _, inner, _, _):
                    let q = prefix.isEmpty ? name : prefix + "." + name
                    best = EnclosingScope(kind: .class, name: name, qualifiedName: q, loc: s.loc)
                    stack.append((inner, q))
                default:
                    for sub in childBlocks(s) { stack.append((sub, prefix)) }
                }
            }
        }
        return best
    }

    /// Source text of a node.
    public func text(of loc: Loc) -> String {
        let s = max(0, min(loc.startByte, source.count)), e = max(s, min(loc.endByte, source.count))
        return String(decoding: source[s..<e], as: UTF8.self)
    }
}

func childBlocks(_ s: Stmt) -> [[Stmt]] {
    switch s.kind {
    case let .for(_, _, b, o, _): return [b, o]
    case let .while(_, b, o): return [b, o]
    case let .if(_, b, o): return [b, o]
    case let .with(_, b, _): return [b]
    case let .match(_, cases): return cases.map { $0.body }
    case let .try(b, h, o, f, _): return [b] + h.map { $0.body } + [o, f]
    default: return []
    }
}
