import CMimalloc

/// The process allocator is mimalloc (linked in place of glibc's malloc). Referencing it keeps
/// the linker from dropping the library as unused.
enum Allocator {
    static var version: Int32 { mi_version() }
}
