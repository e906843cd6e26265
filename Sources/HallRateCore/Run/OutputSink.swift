/// One kind of output of a run. A run prepares every sink its pipeline and options ask for
/// (``PipelineRunner/sinks``) at the same time — the slow part: rendering, staging temporary files —
/// and only when all of them have prepared writes them, in order, then the manifest naming everything
/// written. A sink that fails to prepare leaves every output as it was; a new output (Parquet, …) is a
/// new sink, built there from the pipeline.
protocol OutputSink {
    /// Computes the outputs of `results` without changing any output a reader opens.
    /// - Parameter period: the month a report was asked for (`hallrate report --period`), if any.
    func prepare(_ results: RunResults, store: Store, period: Period?) throws(HallRateError) -> PreparedOutput
}

/// A sink's outputs, computed: what is left is to put them in place (or to drop them).
struct PreparedOutput {
    /// Puts the outputs in place; returns their names, relative to the output folder. Called at most once.
    let write: () throws(HallRateError) -> [String]
    /// Drops what was staged, when another sink failed (or this one's writing did not happen).
    var discard: () -> Void = {}
}
