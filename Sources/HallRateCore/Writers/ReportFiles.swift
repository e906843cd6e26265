/// The report files of an output folder: per month `report_YYYY-MM.xlsx` (workbook), `.html` (the full
/// report), `_brief.html` (the 简报), `.txt` (the 通报's text) and, when asked for, `.pdf` and `_brief.pdf`.
enum ReportFiles {
    enum Kind: CaseIterable {
        case workbook, html, brief, text, pdf, briefPDF

        /// What follows `report_YYYY-MM` in the file's name.
        var suffix: String {
            switch self {
            case .workbook: return ".xlsx"
            case .html: return ".html"
            case .brief: return "_brief.html"
            case .text: return ".txt"
            case .pdf: return ".pdf"
            case .briefPDF: return "_brief.pdf"
            }
        }
    }

    /// A report file found in a folder.
    struct File: Equatable {
        let name: String
        let period: Period
        let kind: Kind
    }

    /// The file name of a month's report.
    static func name(_ period: Period, _ kind: Kind) -> String { "report_\(period)\(kind.suffix)" }

    /// The reports in `folder`, by name; other files (whatever their names) are not reports.
    static func existing(in folder: String) -> [File] {
        AtomicFile.fileNames(in: folder).compactMap(parse).sorted { $0.name < $1.name }
    }

    /// The report a file name stands for, or nil when it is not exactly one of the names above.
    static func parse(_ name: String) -> File? {
        guard name.hasPrefix("report_"), name.utf8.count > 14,
            let period = Period(String(name.dropFirst(7).prefix(7))),
            let kind = Kind.allCases.first(where: { name == Self.name(period, $0) })
        else { return nil }
        return File(name: name, period: period, kind: kind)
    }
}
