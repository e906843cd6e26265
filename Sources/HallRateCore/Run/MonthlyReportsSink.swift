import Logging

/// The month reports: the workbook, the HTML report with its 简报 and text, and their PDFs, for every
/// month that needs one (``write(_:store:period:)``).
struct MonthlyReportsSink: OutputSink {
    let pipeline: Pipeline
    /// Which of the workbook, the pages and the PDFs to write (a report already in the folder is always rewritten).
    let options: PipelineRunner.Options
    let logger: Logger
    var checkpoint: (String) -> Void = { _ in }

    func write(_ results: RunResults, store: Store, period: Period?) throws(HallRateError) -> [String] {
        try writeReports(results.report, period: period, rejects: results.rejects, files: results.files)
    }

    /// Writes the workbook and the HTML report of every month that needs one, as the options ask, and
    /// returns their names: the latest closed month (the 通报), each provisional month (a 预警), the
    /// month asked for, and every month that already has a report in the output folder, so that no
    /// report is left disagreeing with the CSVs. Reports of months no longer in the data are removed.
    func writeReports(
        _ report: SupervisionReport, period: Period?, rejects: RejectTally, files: [FileReport]
    ) throws(HallRateError) -> [String] {
        let folder = pipeline.output.folder
        let existing = ReportFiles.existing(in: folder)
        var months = Set(existing.map(\.period))
        if let period { months.insert(period) }
        if let closed = report.latestClosedPeriod { months.insert(closed) }
        months.formUnion(report.provisionalPeriods)
        let inRange = Set(report.periods)
        for file in existing where !inRange.contains(file.period) {
            AtomicFile.remove(folder + "/" + file.name)
            logger.info("removed the report of a month no longer in the data", metadata: ["file": "\(file.name)"])
        }
        var written: [String] = []
        let kept = Set(existing.filter { inRange.contains($0.period) }.map(\.name))
        func wanted(_ month: Period, _ kinds: [ReportFiles.Kind], asked: Bool) -> Bool {
            asked || kinds.contains { kept.contains(ReportFiles.name(month, $0)) }
        }
        var printer: PDFPrinter?
        for month in months.filter(inRange.contains).sorted() {
            let workbook = wanted(month, [.workbook], asked: options.workbook)
            let pages = wanted(month, [.html, .brief, .text], asked: options.html)
            let pdf = wanted(month, [.pdf, .briefPDF], asked: options.pdf)
            // The workbook next to the pages: a province's month is seconds of each.
            let parts = try Concurrently.map([Part.workbook, .pages]) { part throws(HallRateError) -> [String] in
                switch part {
                case .workbook:
                    guard workbook else { return [] }
                    let name = try WorkbookWriter(output: pipeline.output).write(
                        report, period: month, rejects: rejects, files: files, folder: folder)
                    checkpoint("workbook")
                    return [name]
                case .pages:
                    guard pages || pdf else { return [] }
                    return try writePages(report, month: month, files: files, text: pages, pdf: pdf, printer: &printer)
                }
            }
            written += parts.flatMap { $0 }
        }
        return written
    }

    private enum Part {
        case workbook, pages
    }

    /// The month's HTML report, its 简报 and text (`text`), and their PDFs (`pdf`); returns their names.
    private func writePages(
        _ report: SupervisionReport, month: Period, files: [FileReport], text pages: Bool, pdf: Bool, printer: inout PDFPrinter?
    ) throws(HallRateError) -> [String] {
        let folder = pipeline.output.folder
        var written: [String] = []
        var writer = HTMLReportWriter(pipelineName: pipeline.name, language: pipeline.output.language)
        writer.publication = pipeline.publication
        writer.inputFiles = files.count
        var brief = writer
        brief.layout = .brief
        let full = writer.html(report, period: month)
        let short = brief.html(report, period: month)
        if pages {
            let text = BulletinNarrative(
                report: report, month: month, publication: pipeline.publication,
                language: pipeline.output.language
            ).plainText
            for (kind, content) in [(ReportFiles.Kind.html, full), (.brief, short), (.text, text)] {
                let name = ReportFiles.name(month, kind)
                try AtomicFile.write(Array(content.utf8), to: folder + "/" + name)
                written.append(name)
            }
            checkpoint("html")
        }
        if pdf {
            if printer == nil { printer = try PDFPrinter.find() }
            for (kind, content) in [(ReportFiles.Kind.pdf, full), (.briefPDF, short)] {
                let name = ReportFiles.name(month, kind)
                try AtomicFile.write(try printer?.pdf(of: content) ?? [], to: folder + "/" + name)
                written.append(name)
            }
            checkpoint("pdf")
        }
        return written
    }
}
