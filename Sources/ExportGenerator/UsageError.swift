/// A bad command line; reported with the usage text and exit status 2.
struct UsageError: Error, Equatable {
    let message: String

    init(_ message: String) { self.message = message }
}
