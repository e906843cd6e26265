import Foundation

/// The CSV tables (``ReportWriter``) and `rejects.csv`, streamed from the store.
struct CSVTablesSink: OutputSink {
    let pipeline: Pipeline
    var checkpoint: (String) -> Void = { _ in }

    func write(_ results: RunResults, store: Store, period: Period?) throws(HallRateError) -> [String] {
        let folder = pipeline.output.folder
        let writer = ReportWriter(folder: folder, output: pipeline.output, checkpoint: checkpoint)
        var outputs = try writer.write(results.report)
        try writer.writeRejects(from: store, extra: results.rejects.extra, to: folder + "/rejects.csv")
        checkpoint("rejects.csv")
        outputs.append("rejects.csv")
        // Every other metric's tables, written the same way in a folder of its own.
        for report in results.moreReports {
            let sub = "metrics/" + report.metric.id
            let writer = ReportWriter(folder: folder + "/" + sub, output: pipeline.output, checkpoint: checkpoint)
            outputs += try writer.write(report).map { sub + "/" + $0 }
        }
        // A metric whose targets the pipeline no longer gives keeps no tables from an earlier run.
        let written = Set(results.moreReports.map(\.metric.id))
        for family in Metric.timeLimitFamily {
            let id = family.metric(TargetSchedule([:])).id
            if !written.contains(id) { try? FileManager.default.removeItem(atPath: folder + "/metrics/" + id) }
        }
        rmdir(folder + "/metrics")  // only when empty
        return outputs
    }
}
