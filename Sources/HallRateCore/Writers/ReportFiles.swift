/// The report files of an output folder: `report_YYYY-MM.xlsx` and `report_YYYY-MM.html`.
enum ReportFiles {
    enum Kind: String {
        case workbook = "xlsx"
        case html
    }

    /// A report file found in a folder.
    struct File: Equatable {
        let name: String
        let period: Period
        let kind: Kind
    }

    /// The file name of a month's report.
    static func name(_ period: Period, _ kind: Kind) -> String { "report_\(period).\(kind.rawValue)" }

    /// The reports in `folder`, by name; other files (whatever their names) are not reports.
    static func existing(in folder: String) -> [File] {
        AtomicFile.fileNames(in: folder).compactMap(parse).sorted { $0.name < $1.name }
    }

    /// The report a file name stands for, or nil when it is not exactly `report_YYYY-MM.<xlsx|html>`.
    static func parse(_ name: String) -> File? {
        guard name.hasPrefix("report_"), let dot = name.lastIndex(of: "."),
            let kind = Kind(rawValue: String(name[name.index(after: dot)...])),
            let period = Period(String(name[name.index(name.startIndex, offsetBy: 7)..<dot])),
            name == Self.name(period, kind)
        else { return nil }
        return File(name: name, period: period, kind: kind)
    }
}
