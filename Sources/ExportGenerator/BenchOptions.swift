/// Options of `hallrate-gen bench`.
struct BenchOptions: Equatable {
    var rows: Int
    var output: String
    var seed: UInt64 = 1
    var halls = 600
    var months = 24

    init(_ options: OptionList) throws(UsageError) {
        guard let rows = options.value("--rows") else { throw UsageError("bench needs --rows N") }
        guard let output = options.value("--out"), !output.isEmpty else { throw UsageError("bench needs --out FILE") }
        self.rows = try OptionList.integer(rows, name: "--rows", in: 0...10_000_000_000)
        self.output = output
        if let seed = options.value("--seed") {
            guard let value = UInt64(seed) else { throw UsageError("--seed must be an unsigned integer, got '\(seed)'") }
            self.seed = value
        }
        if let halls = options.value("--halls") { self.halls = try OptionList.integer(halls, name: "--halls", in: 1...100_000) }
        if let months = options.value("--months") { self.months = try OptionList.integer(months, name: "--months", in: 1...1200) }
    }
}
