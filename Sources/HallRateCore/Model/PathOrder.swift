/// The order of input files everywhere (contract rule 3, "files in sorted path order"): the byte
/// order of their UTF-8 paths, without building an array per comparison.
enum PathOrder {
    static func precedes(_ a: String, _ b: String) -> Bool {
        a.utf8.lexicographicallyPrecedes(b.utf8)
    }
}
