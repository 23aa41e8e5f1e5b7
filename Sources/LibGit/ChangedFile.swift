/// A file that a diff adds, modifies, renames or copies (or deletes), with the line
/// ranges the change adds on the new side.
public struct ChangedFile: Sendable, Equatable {
    public enum Status: String, Sendable {
        case added, modified, renamed, copied, deleted, typeChanged = "type-changed"
    }

    public enum Mode: Sendable, Equatable {
        case blob, executable, symlink, submodule, other(UInt32)

        init(raw: UInt32) {
            switch raw {
            case 0o100644: self = .blob
            case 0o100755: self = .executable
            case 0o120000: self = .symlink
            case 0o160000: self = .submodule
            default: self = .other(raw)
            }
        }

        public var raw: UInt32 {
            switch self {
            case .blob: return 0o100644
            case .executable: return 0o100755
            case .symlink: return 0o120000
            case .submodule: return 0o160000
            case .other(let raw): return raw
            }
        }
    }

    /// Path on the new side, relative to the repository root, with `/` separators.
    public var path: String
    /// Path on the old side when the file was renamed or copied.
    public var oldPath: String?
    public var status: Status
    public var mode: Mode
    /// The new side's blob id (hex), to read the content as it will be committed.
    public var blobID: String
    public var size: Int
    /// libgit2 judged the content binary.
    public var isBinary: Bool
    /// 1-based line ranges added by the change on the new side (the whole file for a new file).
    public var addedLines: [ClosedRange<Int>]

    public init(path: String, oldPath: String? = nil, status: Status, mode: Mode, blobID: String, size: Int,
                isBinary: Bool, addedLines: [ClosedRange<Int>]) {
        self.path = path
        self.oldPath = oldPath
        self.status = status
        self.mode = mode
        self.blobID = blobID
        self.size = size
        self.isBinary = isBinary
        self.addedLines = addedLines
    }
}
