/// Options of `hallrate-gen demo`.
struct DemoOptions: Equatable {
    /// Where the demo set goes (`Input` by default).
    var outputDirectory = "Input"
}
