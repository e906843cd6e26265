import Foundation

/// The CSV tables (``ReportWriter``) and `rejects.csv`, streamed from the store.
struct CSVTablesSink: OutputSink {
    let pipeline: Pipeline
    var checkpoint: (String) -> Void = { _ in }

    func prepare(_ results: RunResults, store: Store, period: Period?) throws(HallRateError) -> PreparedOutput {
        let folder = pipeline.output.folder
        let writer = ReportWriter(folder: folder, output: pipeline.output, checkpoint: checkpoint)
        // Every metric's tables staged: the first metric's in the folder, every other one's in a folder of its own.
        var staged: [(sub: String?, writer: ReportWriter, tables: ReportWriter.StagedTables)] = []
        func discard() { for part in staged { part.tables.discard() } }
        do throws(HallRateError) {
            staged.append((nil, writer, try writer.stage(results.report)))
            for report in results.moreReports {
                let sub = "metrics/" + report.metric.id
                let other = ReportWriter(folder: folder + "/" + sub, output: pipeline.output, checkpoint: checkpoint)
                staged.append((sub, other, try other.stage(report)))
            }
        } catch {
            discard()
            throw error
        }
        let metrics = Set(results.moreReports.map(\.metric.id))
        return PreparedOutput(
            write: { () throws(HallRateError) -> [String] in
                var outputs: [String] = []
                for (index, part) in staged.enumerated() {
                    do throws(HallRateError) {
                        outputs += try part.writer.commit(part.tables).map { name in part.sub.map { $0 + "/" + name } ?? name }
                        if part.sub == nil {
                            try writer.writeRejects(from: store, extra: results.rejects.extra, to: folder + "/rejects.csv")
                            checkpoint("rejects.csv")
                            outputs.append("rejects.csv")
                        }
                    } catch {
                        for rest in staged[(index + 1)...] { rest.tables.discard() }
                        throw error
                    }
                }
                // A metric whose targets the pipeline no longer gives keeps no tables from an earlier run.
                for family in Metric.timeLimitFamily {
                    let id = family.metric(TargetSchedule([:])).id
                    if !metrics.contains(id) { try? FileManager.default.removeItem(atPath: folder + "/metrics/" + id) }
                }
                rmdir(folder + "/metrics")  // only when empty
                return outputs
            }, discard: discard)
    }
}
