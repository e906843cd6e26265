/// Options of `hallrate-gen bench`.
struct BenchOptions: Equatable {
    /// What `bench` writes: the district-layout CSV (the default) or one XML file holding the same records.
    enum Format: String, Equatable {
        case csv
        case xml
    }

    var rows: Int
    var output: String
    var seed: UInt64 = 1
    var halls = 600
    var months = 24
    var format = Format.csv
    /// The text before `YYYYMM` and the 8-digit sequence of every 办件编号; a file made with another prefix
    /// shares no id with one made with the default.
    var idPrefix = "QXG"

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
        if let format = options.value("--format") {
            guard let value = Format(rawValue: format) else { throw UsageError("--format must be csv or xml, got '\(format)'") }
            self.format = value
        }
        if let prefix = options.value("--id-prefix") {
            let allowed = prefix.utf8.allSatisfy { byte in
                (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
                    || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_")
            }
            guard !prefix.isEmpty, prefix.utf8.count <= 32, allowed else {
                throw UsageError("--id-prefix must be 1 to 32 ASCII letters, digits, '-' or '_', got '\(prefix)'")
            }
            idPrefix = prefix
        }
    }
}
