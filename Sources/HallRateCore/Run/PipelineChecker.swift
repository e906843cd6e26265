import Logging

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `hallrate check`: validates a loaded pipeline against the files it names, without running it:
/// the registry must be readable, and every mapped column must be in every matching file's header.
package struct PipelineChecker {
    package let pipeline: Pipeline
    package let root: String

    package init(pipeline: Pipeline, root: String) {
        self.pipeline = pipeline
        self.root = root
    }

    /// A problem found, and whether it concerns the pipeline itself (fatal for `run`) or one file's data.
    package struct Problem: Sendable {
        package let error: HallRateError
        package let isPipelineError: Bool
    }

    /// An input file matched by a source.
    struct Input {
        let path: String
        let displayPath: String
        let source: Pipeline.Source
        /// False when the file's name is not UTF-8: `path` then shows the bad bytes as `\xHH` and the
        /// file cannot be opened; it is refused by name (``nameRefusal``).
        var nameIsUTF8 = true
        /// The hall code the path carries, for sources whose glob has `{hall_code}`.
        var hallFromPath: String? { source.paths.hallCode(in: path) }

        /// Why a file whose name is not UTF-8 is refused.
        static func nameRefusal(_ displayPath: String) -> HallRateError {
            HallRateError(
                .fileRefused,
                "the file name is not valid UTF-8 (bytes shown as \\xHH; a GBK name saved by Windows or "
                    + "unpacked from a zip?): it cannot be read; rename it in UTF-8 (e.g. convmv -f gbk -t utf-8)",
                at: SourceLocation(file: displayPath, line: 1))
        }
    }

    /// Checks everything and returns the problems (empty when the pipeline is fine) and the registry.
    /// - Parameter unchanged: display paths of files the store already holds as they are now, read under
    ///   the current mapping: their headers were checked when they were read, and are not opened again
    ///   (a nightly run over years of daily exports would otherwise open every one of them).
    package func check(skippingHeadersOf unchanged: Set<String> = []) -> (problems: [Problem], registry: HallRegistry?) {
        check(Result { () throws(HallRateError) in try discover() }, skippingHeadersOf: unchanged)
    }

    /// ``check(skippingHeadersOf:)`` of inputs already found by ``discover()``: a run globs each source once.
    func check(
        _ discovered: Result<[Input], HallRateError>, skippingHeadersOf unchanged: Set<String> = []
    )
        -> (problems: [Problem], registry: HallRegistry?)
    {
        var problems: [Problem] = []
        var registry: HallRegistry?
        do {
            // A federated pipeline's registry is its members', read from the server when it runs.
            if pipeline.members == nil {
                registry = try RegistryReader(path: pipeline.registryPath, displayPath: display(pipeline.registryPath)).read()
            }
        } catch {
            var located = error
            if error.location?.line == nil {
                located.message += " (the registry named by key 'registry' at \(pipeline.location(of: "registry")))"
            }
            problems.append(Problem(error: located, isPipelineError: true))
        }
        if let path = pipeline.cataloguePath {
            do {
                _ = try CatalogueReader(path: path, displayPath: display(path)).read()
            } catch {
                var located = error
                if error.location?.line == nil {
                    located.message += " (the catalogue named by key 'catalogue' at \(pipeline.location(of: "catalogue")))"
                }
                problems.append(Problem(error: located, isPipelineError: true))
            }
        }
        problems += overlappingFolders().map { Problem(error: $0, isPipelineError: true) }
        let inputs: [Input]
        switch discovered {
        case .success(let found): inputs = found
        case .failure(let error): return (problems + [Problem(error: error, isPipelineError: true)], registry)
        }
        problems += missingSources(among: inputs).map { Problem(error: $0, isPipelineError: false) }
        guard let registry else { return (problems, nil) }
        for input in inputs where !input.nameIsUTF8 {
            problems.append(Problem(error: Input.nameRefusal(input.displayPath), isPipelineError: false))
        }
        for input in inputs where input.source.format == .csv && input.nameIsUTF8 && !unchanged.contains(input.displayPath) {
            do {
                let layout = CSVFileReader.Layout(encoding: input.source.encoding, delimiter: input.source.delimiter)
                _ = try CSVFileReader(path: input.path, layout: layout).read(
                    header: { header in
                        _ = try RecordMapper(
                            source: input.source, pipeline: pipeline, header: header, registry: registry,
                            file: input.displayPath, hallFromPath: input.hallFromPath)
                        throw HeaderChecked()
                    }, record: { _ in })
            } catch is HeaderChecked {
                continue
            } catch var error as HallRateError {
                if error.code != .pipeline { error.location = SourceLocation(file: input.displayPath, line: error.location?.line) }
                problems.append(Problem(error: error, isPipelineError: error.code == .pipeline))
            } catch {
                problems.append(
                    Problem(
                        error: HallRateError(.io, "\(error)", at: SourceLocation(file: input.displayPath)),
                        isPipelineError: false))
            }
        }
        return (problems, registry)
    }

    private struct HeaderChecked: Error {}

    /// The files of every source, sorted by path; a file matched by two sources is an error.
    func discover() throws(HallRateError) -> [Input] {
        var owner: [String: Pipeline.Source] = [:]
        var notUTF8: Set<String> = []
        for source in pipeline.sources {
            for match in FileFinder.files(matching: source.resolvedGlob) {
                let path = match.path
                if !match.isUTF8 { notUTF8.insert(path) }
                if let first = owner[path] {
                    throw HallRateError(
                        .pipeline,
                        "\(display(path)) is matched by both source '\(first.name)' and source '\(source.name)'",
                        at: pipeline.location(of: "\(source.keyPath).glob"), key: "\(source.keyPath).glob")
                }
                owner[path] = source
            }
        }
        return owner.keys.map {
            Input(
                path: $0, displayPath: display($0), source: owner[$0] ?? pipeline.sources[0],
                nameIsUTF8: !notUTF8.contains($0))
        }
        .sorted { PathOrder.precedes($0.displayPath, $1.displayPath) }
    }

    /// An error for each source whose glob would match files hallrate writes into the output folder
    /// (its tables, reports, league tables, store): a later run would read its own outputs as inputs.
    func overlappingFolders() -> [HallRateError] {
        let folder = pipeline.output.folder.hasSuffix("/") ? String(pipeline.output.folder.dropLast()) : pipeline.output.folder
        let written =
            [
                "hall_months.csv", "rejects.csv", "manifest.json", "hallrate.sqlite", "league/2019-01_township.csv", "items/2019-01.csv",
                "departments/2019-01.csv", "metrics/on_time_rate/hall_months.csv", "metrics/compression/league/2019-01_township.csv",
                "time_limits.csv", "overdue_finished/2019-01.csv", "overdue_open/2019-01.csv",
            ]
            .map { folder + "/" + $0 } + ReportFiles.Kind.allCases.map { folder + "/" + ReportFiles.name(Period(year: 2019, month: 1), $0) }
        return pipeline.sources.compactMap { source in
            guard let hit = written.first(where: { fnmatch(source.resolvedGlob, $0, FNM_PATHNAME) == 0 }) else { return nil }
            return HallRateError(
                .pipeline,
                "source '\(source.name)' (glob \(source.glob)) would read the outputs written into "
                    + "\(display(pipeline.output.folder)) (such as \(display(hit))): write the outputs outside the inputs",
                at: pipeline.location(of: "\(source.keyPath).glob"), key: "\(source.keyPath).glob")
        }
    }

    /// Sources that match no file at all.
    package func emptySources() -> [Pipeline.Source] { emptySources(among: nil) }

    /// Sources that match no file, among `inputs` (all of ``discover()``'s), or globbed anew when nil.
    func emptySources(among inputs: [Input]?) -> [Pipeline.Source] {
        guard let inputs else { return pipeline.sources.filter { FileFinder.files(matching: $0.resolvedGlob).isEmpty } }
        let used = Set(inputs.map(\.source.name))
        return pipeline.sources.filter { !used.contains($0.name) }
    }

    /// An error for each source that matches no file and is not `optional` (contract rule 14): its
    /// halls would be published as not reporting when their exports are merely missing.
    package func missingSources() -> [HallRateError] { missingSources(among: nil) }

    func missingSources(among inputs: [Input]?) -> [HallRateError] {
        emptySources(among: inputs).filter { !$0.optional }.map { source in
            HallRateError(
                .missingSource,
                "source '\(source.name)' matches no file (glob \(source.glob)); nothing was written. "
                    + "Restore its exports, fix the glob, or mark the source 'optional: true' if it may be empty",
                at: pipeline.location(of: "\(source.keyPath).glob"), key: "\(source.keyPath).glob")
        }
    }

    /// `path` relative to the root when it lies under it.
    func display(_ path: String) -> String {
        let prefix = root.hasSuffix("/") ? root : root + "/"
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
    }
}
