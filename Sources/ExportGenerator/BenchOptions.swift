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
}
