internal import CYaml
import Diagnostics

/// Reads one YAML document into a `YAMLNode` tree with libyaml's document API.
///
/// Rejects what libyaml accepts silently: duplicate keys, a second document, and
/// alias expansion or nesting past sane limits (a "billion laughs" policy file).
public enum YAMLDocumentReader {
    /// Deeper nesting than any policy needs; guards the recursive conversion.
    static let maximumDepth = 64
    /// Caps alias expansion, which can grow a small file exponentially.
    static let maximumNodes = 100_000

    /// Parses `bytes` (UTF-8) and returns the root node, or nil for an empty document.
    public static func read(bytes: [UInt8], file: String) throws(YAMLError) -> YAMLNode? {
        let parser = ParserHandle()
        guard parser.isInitialized else {
            throw YAMLError(file: file, line: 1, column: 1, message: "could not initialise the YAML parser (out of memory)")
        }
        return try bytes.withUnsafeBufferPointer { (buffer) throws(YAMLError) -> YAMLNode? in
            yaml_parser_set_input_string(parser.pointer, buffer.baseAddress, buffer.count)
            let document = DocumentHandle()
            guard yaml_parser_load(parser.pointer, document.pointer) == 1 else {
                throw parser.error(file: file)
            }
            document.isLoaded = true
            guard let root = yaml_document_get_root_node(document.pointer) else { return nil }
            var converter = Converter(document: document.pointer, file: file)
            let tree = try converter.convert(root, depth: 0)

            let second = DocumentHandle()
            guard yaml_parser_load(parser.pointer, second.pointer) == 1 else {
                throw parser.error(file: file)
            }
            second.isLoaded = true
            if let extra = yaml_document_get_root_node(second.pointer) {
                throw YAMLError(file: file, line: Int(extra.pointee.start_mark.line) + 1,
                                column: Int(extra.pointee.start_mark.column) + 1,
                                message: "a second YAML document is not allowed in one file")
            }
            return tree
        }
    }
}

/// Owns a `yaml_parser_t`.
private final class ParserHandle {
    let pointer = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
    let isInitialized: Bool

    init() { isInitialized = yaml_parser_initialize(pointer) == 1 }

    deinit {
        if isInitialized { yaml_parser_delete(pointer) }
        pointer.deallocate()
    }

    func error(file: String) -> YAMLError {
        let parser = pointer.pointee
        let problem = parser.problem.map { String(cString: $0) } ?? "malformed YAML"
        var message = problem
        if let context = parser.context.map({ String(cString: $0) }) {
            message += " (\(context) at \(parser.context_mark.line + 1):\(parser.context_mark.column + 1))"
        }
        if parser.error == YAML_READER_ERROR {
            return YAMLError(file: file, line: 1, column: 1,
                             message: "\(problem) at byte \(parser.problem_offset)")
        }
        return YAMLError(file: file, line: Int(parser.problem_mark.line) + 1,
                         column: Int(parser.problem_mark.column) + 1, message: message)
    }
}

/// Owns a `yaml_document_t` once libyaml has filled it.
private final class DocumentHandle {
    let pointer = UnsafeMutablePointer<yaml_document_t>.allocate(capacity: 1)
    var isLoaded = false

    deinit {
        if isLoaded { yaml_document_delete(pointer) }
        pointer.deallocate()
    }
}

private struct Converter {
    let document: UnsafeMutablePointer<yaml_document_t>
    let file: String
    var nodeCount = 0

    init(document: UnsafeMutablePointer<yaml_document_t>, file: String) {
        self.document = document
        self.file = file
    }

    mutating func convert(_ node: UnsafeMutablePointer<yaml_node_t>, depth: Int) throws(YAMLError) -> YAMLNode {
        let start = YAMLMark(line: Int(node.pointee.start_mark.line) + 1, column: Int(node.pointee.start_mark.column) + 1)
        let end = YAMLMark(line: Int(node.pointee.end_mark.line) + 1, column: Int(node.pointee.end_mark.column) + 1)
        nodeCount += 1
        guard depth < YAMLDocumentReader.maximumDepth else {
            throw YAMLError(file: file, line: start.line, column: start.column, message: "YAML nested too deeply")
        }
        guard nodeCount <= YAMLDocumentReader.maximumNodes else {
            throw YAMLError(file: file, line: start.line, column: start.column, message: "YAML document too large (alias expansion?)")
        }
        switch node.pointee.type {
        case YAML_SCALAR_NODE:
            let scalar = node.pointee.data.scalar
            let text: String
            if let value = scalar.value {
                let bytes = UnsafeBufferPointer(start: value, count: scalar.length)
                text = String(decoding: bytes, as: UTF8.self)
            } else {
                text = ""
            }
            return YAMLNode(value: .scalar(text, plain: scalar.style == YAML_PLAIN_SCALAR_STYLE), start: start, end: end)
        case YAML_SEQUENCE_NODE:
            var items: [YAMLNode] = []
            var item = node.pointee.data.sequence.items.start
            while let current = item, current != node.pointee.data.sequence.items.top {
                items.append(try child(current.pointee, depth: depth, at: start))
                item = current + 1
            }
            return YAMLNode(value: .sequence(items), start: start, end: end)
        case YAML_MAPPING_NODE:
            var pairs: [(key: YAMLNode, value: YAMLNode)] = []
            var pair = node.pointee.data.mapping.pairs.start
            while let current = pair, current != node.pointee.data.mapping.pairs.top {
                let key = try child(current.pointee.key, depth: depth, at: start)
                let value = try child(current.pointee.value, depth: depth, at: start)
                pairs.append((key, value))
                pair = current + 1
            }
            try checkDuplicateKeys(pairs)
            return YAMLNode(value: .mapping(pairs), start: start, end: end)
        default:
            return YAMLNode(value: .scalar("", plain: true), start: start, end: end)
        }
    }

    private mutating func child(_ index: Int32, depth: Int, at mark: YAMLMark) throws(YAMLError) -> YAMLNode {
        guard let node = yaml_document_get_node(document, index) else {
            throw YAMLError(file: file, line: mark.line, column: mark.column, message: "dangling YAML node reference")
        }
        return try convert(node, depth: depth + 1)
    }

    private func checkDuplicateKeys(_ pairs: [(key: YAMLNode, value: YAMLNode)]) throws(YAMLError) {
        var seen: [String: YAMLMark] = [:]
        for pair in pairs {
            guard case .scalar(let name, _) = pair.key.value else { continue }
            if let first = seen[name] {
                throw YAMLError(file: file, line: pair.key.start.line, column: pair.key.start.column,
                                message: "duplicate key '\(name)' (first defined at \(first.line):\(first.column))")
            }
            seen[name] = pair.key.start
        }
    }
}
