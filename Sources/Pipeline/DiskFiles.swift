#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Listing and reading files on disk with POSIX calls. A scan of a large tree lists and reads
/// its files before the parallel part starts; through Foundation (an attribute dictionary per
/// file, a directory enumerator) that serial start was a tenth of a standard-library scan.
enum DiskFiles {
    enum Kind: Equatable { case regular, directory, symlink, other }

    /// Kind and size of `path` (`followingLinks`: of what a symlink points to); nil when it
    /// does not exist or cannot be examined.
    static func status(_ path: String, followingLinks: Bool) -> (kind: Kind, size: Int)? {
        var info = stat()
        let result = followingLinks ? stat(path, &info) : lstat(path, &info)
        guard result == 0 else { return nil }
        let kind: Kind
        switch info.st_mode & S_IFMT {
        case S_IFREG: kind = .regular
        case S_IFDIR: kind = .directory
        case S_IFLNK: kind = .symlink
        default: kind = .other
        }
        return (kind, Int(info.st_size))
    }

    /// Regular files under `root`, at any depth, sorted. Symbolic links are neither followed nor
    /// listed, and `.git` is not entered; unreadable directories are passed over.
    static func regularFiles(under root: String) -> [String] {
        var found: [String] = []
        var pending = [root.hasSuffix("/") ? String(root.dropLast()) : root]
        while let directory = pending.popLast() {
            guard let handle = opendir(directory) else { continue }
            defer { closedir(handle) }
            while let entry = readdir(handle) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                    String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
                }
                if name == "." || name == ".." || name == ".git" { continue }
                let full = directory + "/" + name
                var kind: Kind
                switch Int32(entry.pointee.d_type) {
                case Int32(DT_REG): kind = .regular
                case Int32(DT_DIR): kind = .directory
                case Int32(DT_LNK): kind = .symlink
                case Int32(DT_UNKNOWN): kind = status(full, followingLinks: false)?.kind ?? .other  // some file systems do not say
                default: kind = .other
                }
                if kind == .regular { found.append(full) }
                if kind == .directory { pending.append(full) }
            }
        }
        return found.sorted()
    }

    /// The first `limit` bytes of a file (all of it when `limit` is nil); nil when it cannot be
    /// opened or read.
    static func read(_ path: String, limit: Int? = nil) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var info = stat()
        let size = fstat(descriptor, &info) == 0 ? max(Int(info.st_size), 0) : 0
        // Read straight into an array of the file's size (plus one byte, to notice a file that
        // grew); a file larger than that is read on in chunks.
        let capacity = min(limit ?? Int.max, size + 1)
        var failed = false
        var bytes = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, count in
            count = 0
            while count < capacity {
                let got = systemRead(descriptor, buffer.baseAddress! + count, capacity - count)
                if got < 0 {
                    if errno == EINTR { continue }
                    failed = true
                    return
                }
                if got == 0 { break }
                count += got
            }
        }
        if failed { return nil }
        guard bytes.count == capacity, limit.map({ bytes.count < $0 }) ?? true else { return bytes }
        var chunk = [UInt8](repeating: 0, count: 65536)
        while limit.map({ bytes.count < $0 }) ?? true {
            let wanted = min(chunk.count, (limit ?? Int.max) - bytes.count)
            let got = chunk.withUnsafeMutableBytes { systemRead(descriptor, $0.baseAddress, wanted) }
            if got < 0 {
                if errno == EINTR { continue }
                return nil
            }
            if got == 0 { break }
            bytes.append(contentsOf: chunk[0..<got])
        }
        return bytes
    }
}

/// POSIX `read` (the name is taken inside `DiskFiles`).
private func systemRead(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
    read(descriptor, buffer, count)
}
