/// Options of `hallrate-gen demo`.
struct DemoOptions: Equatable {
    /// Where the demo set goes (`Input` by default).
    var outputDirectory = "Input"

    init(_ options: OptionList) throws(UsageError) {
        if let out = options.value("--out") { outputDirectory = out }
    }
}
