/// What one cell of a table holds, before a writer renders it: the CSV writer as text (with the hall
/// cells rendered once per run), the workbook as a typed cell. Halls are registry indices.
enum ReportValue {
    case integer(Int?)
    /// A ratio: 4 decimals in a CSV (or a percentage with `output.percent`), a percentage in the workbook.
    case ratio(Double?)
    /// Percentage points: 2 decimals.
    case points(Double?)
    case text(String)
    case month(Period)
    /// A day, empty when nil.
    case day(CalendarDate?)
    case hallCode(Int)
    /// A code that is not a hall's (an item's): text, kept as text by Excel like a hall code.
    case code(String)
    case hallName(Int)
    /// The hall's township (所属乡镇) for a village, empty otherwise.
    case township(Int)
    case tier(Tier)
    case flags(HallFlags)
    /// 临时/正式 (yes/no): whether the month is still provisional.
    case provisional(Bool)
    case list(SupervisionReport.ListKind)
    /// A tier's trajectory in words (rule 15), empty when unknown.
    case trajectory(TierTrajectory?)
    /// Words in the output's language.
    case words(en: String, zh: String)
}

/// One column of a table: its header in English and Chinese, and the value a row gives it.
struct Column<TableRow, Value> {
    let en: String
    let zh: String
    let value: (TableRow) -> Value

    init(_ en: String, _ zh: String, _ value: @escaping (TableRow) -> Value) {
        self.en = en
        self.zh = zh
        self.value = value
    }

    func header(_ language: Pipeline.Output.Language) -> String { language == .en ? en : zh }
}

/// A column shared by the CSV and the workbook (``ReportColumns``).
typealias ReportColumn<TableRow> = Column<TableRow, ReportValue>

/// A column of a workbook sheet of its own (the league and list sheets: fills, 距目标, marks).
typealias SheetColumn<TableRow> = Column<TableRow, Worksheet.Value>

/// A table declared as its columns, so that a header and its cells cannot drift apart, and the CSV and
/// the workbook that show the same table show the same columns.
struct ReportTable<TableRow> {
    let columns: [ReportColumn<TableRow>]

    init(_ columns: [ReportColumn<TableRow>]) { self.columns = columns }

    func header(_ language: Pipeline.Output.Language) -> [String] { columns.map { $0.header(language) } }
}
