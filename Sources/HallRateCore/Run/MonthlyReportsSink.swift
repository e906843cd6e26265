import Foundation
import Logging

/// The month reports: the workbook, the HTML report with its 简报 and text, and their PDFs, for every
/// month that needs one (``prepare(_:store:period:)``).
struct MonthlyReportsSink: OutputSink {
    let pipeline: Pipeline
    /// Which of the workbook, the pages and the PDFs to write (a report already in the folder is always rewritten).
    let options: PipelineRunner.Options
    let logger: Logger
    var checkpoint: (String) -> Void = { _ in }

    /// Renders the workbook and the HTML report of every month that needs one, as the options ask: the
    /// latest closed month (the 通报), each provisional month (a 预警), the month asked for, and every month
    /// that already has a report in the output folder, so that no report is left disagreeing with the CSVs.
    /// Writing them removes the reports of months no longer in the data.
    func prepare(_ results: RunResults, store: Store, period: Period?) throws(HallRateError) -> PreparedOutput {
        let report = results.report
        let folder = pipeline.output.folder
        let existing = ReportFiles.existing(in: folder)
        var months = Set(existing.map(\.period))
        if let period { months.insert(period) }
        if let closed = report.latestClosedPeriod { months.insert(closed) }
        months.formUnion(report.provisionalPeriods)
        let inRange = Set(report.periods)
        let kept = Set(existing.filter { inRange.contains($0.period) }.map(\.name))
        func wanted(_ month: Period, _ kinds: [ReportFiles.Kind], asked: Bool) -> Bool {
            asked || kinds.contains { kept.contains(ReportFiles.name(month, $0)) }
        }
        var rendered: [Rendered] = []
        var printer: PDFPrinter?
        for month in months.filter(inRange.contains).sorted() {
            let workbook = wanted(month, [.workbook], asked: options.workbook)
            let pages = wanted(month, [.html, .brief, .text], asked: options.html)
            let pdf = wanted(month, [.pdf, .briefPDF], asked: options.pdf)
            // The workbook next to the pages: a province's month is seconds of each.
            let parts = try Concurrently.map([Part.workbook, .pages]) { part throws(HallRateError) -> [Rendered] in
                switch part {
                case .workbook:
                    guard workbook else { return [] }
                    let bytes = try WorkbookWriter(output: pipeline.output).data(
                        report, period: month, rejects: results.rejects, files: results.files)
                    return [Rendered(files: [(ReportFiles.name(month, .workbook), Array(bytes))], checkpoint: "workbook")]
                case .pages:
                    guard pages || pdf else { return [] }
                    return try renderPages(report, month: month, files: results.files, text: pages, pdf: pdf, printer: &printer)
                }
            }
            rendered += parts.flatMap { $0 }
        }
        // Staged next to the reports they replace (hundreds of megabytes for a province), still beside the other sinks.
        var staged: [(names: [String], files: [AtomicFile.Staged], checkpoint: String)] = []
        let discard = { for group in staged { AtomicFile.discard(group.files) } }
        do throws(HallRateError) {
            for group in rendered {
                var files: [AtomicFile.Staged] = []
                for (name, bytes) in group.files {
                    if let file = try AtomicFile.stage(bytes, to: folder + "/" + name) { files.append(file) }
                }
                staged.append((group.files.map(\.name), files, group.checkpoint))
            }
        } catch {
            discard()
            throw error
        }
        return PreparedOutput(
            write: { () throws(HallRateError) -> [String] in
                for file in existing where !inRange.contains(file.period) {
                    AtomicFile.remove(folder + "/" + file.name)
                    logger.info("removed the report of a month no longer in the data", metadata: ["file": "\(file.name)"])
                }
                var written: [String] = []
                for (index, group) in staged.enumerated() {
                    do throws(HallRateError) {
                        try AtomicFile.commit(group.files)
                    } catch {
                        for rest in staged[(index + 1)...] { AtomicFile.discard(rest.files) }
                        throw error
                    }
                    written += group.names
                    checkpoint(group.checkpoint)
                }
                return written
            }, discard: discard)
    }

    private enum Part {
        case workbook, pages
    }

    /// Files rendered in memory, written together, then a checkpoint.
    private struct Rendered {
        let files: [(name: String, bytes: [UInt8])]
        let checkpoint: String
    }

    /// The month's HTML report, its 简报 and text (`text`), and their PDFs (`pdf`).
    private func renderPages(
        _ report: SupervisionReport, month: Period, files: [FileReport], text pages: Bool, pdf: Bool, printer: inout PDFPrinter?
    ) throws(HallRateError) -> [Rendered] {
        var rendered: [Rendered] = []
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
            rendered.append(
                Rendered(
                    files: [(ReportFiles.Kind.html, full), (.brief, short), (.text, text)].map { kind, content in
                        (ReportFiles.name(month, kind), Array(content.utf8))
                    }, checkpoint: "html"))
        }
        if pdf {
            if printer == nil { printer = try PDFPrinter.find() }
            var printed: [(name: String, bytes: [UInt8])] = []
            for (kind, content) in [(ReportFiles.Kind.pdf, full), (.briefPDF, short)] {
                printed.append((ReportFiles.name(month, kind), try printer?.pdf(of: content) ?? []))
            }
            rendered.append(Rendered(files: printed, checkpoint: "pdf"))
        }
        return rendered
    }
}
