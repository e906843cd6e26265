/// A failure while writing output (I/O or encoding); reported on stderr with exit status 1.
struct GeneratorError: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) { self.description = description }
}
