/// One kind of output of a run. A run writes to every sink its pipeline and options ask for, in order
/// (``PipelineRunner/sinks``), then the manifest naming everything written. A new output (Parquet, the
/// PostgreSQL publication of a later issue) is a new sink, built there from the pipeline.
protocol OutputSink {
    /// Writes the outputs of `results`; returns their names, relative to the output folder.
    /// - Parameter period: the month a report was asked for (`hallrate report --period`), if any.
    func write(_ results: RunResults, store: Store, period: Period?) throws(HallRateError) -> [String]
}
