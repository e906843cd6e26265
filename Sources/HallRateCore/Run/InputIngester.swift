import Foundation
import Logging

/// Stages 1 and 2 of a run: finds which inputs are new or changed against the store's ledger, reads
/// each of them (CSV through libcsv, XML through libxml2, on a thread of its own) and maps and validates
/// its rows into the store, one file per transaction. Unchanged files are not opened.
struct InputIngester {
    let pipeline: Pipeline
    var logger: Logger
    /// Withdraw the rows of files that disappeared from the inputs.
    var pruneMissing = false
    /// Called as files are read, for a progress line.
    var progress: ((PipelineRunner.Progress) -> Void)?
    /// Called where a crash must leave the store consistent (the fault-injection test).
    var checkpoint: (String) -> Void = { _ in }

    /// The display paths of the inputs the store holds unchanged (same size, time, source and
    /// fingerprint): none when there is no store yet. Errors here only mean every header gets checked.
    func unchangedInputs(_ inputs: [PipelineChecker.Input]) -> Set<String> {
        guard !inputs.isEmpty, FileManager.default.fileExists(atPath: pipeline.output.store),
            let ledger = try? Store(path: pipeline.output.store).ledger()
        else { return [] }
        let fingerprints = self.fingerprints()
        return Set(
            inputs.filter { input in
                let (size, modified) = Self.sizeAndModification(of: input.path)
                return Self.isUnchanged(
                    input, known: ledger[input.displayPath], size: size, modified: modified,
                    fingerprint: fingerprints[input.source.name] ?? "", hashing: false)
            }.map(\.displayPath))
    }

    /// Each source's fingerprint under the current registry.
    private func fingerprints() -> [String: String] {
        let registrySHA = Self.sha256(of: pipeline.registryPath)
        return Dictionary(
            uniqueKeysWithValues: pipeline.sources.map {
                ($0.name, $0.fingerprint(registrySHA: registrySHA, earliestMonth: pipeline.earliestMonth))
            })
    }

    /// True when the store's entry for `input` is what reading it now would store: same size, time,
    /// source and fingerprint, and, for a file changed within two seconds of its reading, the same
    /// content (`hashing: false` takes such a file for changed without reading it).
    static func isUnchanged(
        _ input: PipelineChecker.Input, known: LedgerEntry?, size: Int, modified: Int64,
        fingerprint: String, hashing: Bool
    ) -> Bool {
        guard let known, known.size == size, known.modified == modified, known.fingerprint == fingerprint,
            known.source == input.source.name
        else { return false }
        return !known.isRacy || (hashing && sha256(of: input.path) == known.sha256)
    }

    /// Reads into the store every input that is new, changed (size or modification time), or was read
    /// under another mapping or registry; withdraws missing files when asked.
    /// A changed file that is now empty, or cannot be read, does not replace the rows it gave before:
    /// they are kept, and the file is named in `kept` (and in a warning).
    /// - Returns: the display paths of the files read, and of the changed files whose earlier rows were kept.
    /// - Throws: ``HallRateError`` (`.store` for the store's own failures).
    func ingestChanges(
        _ inputs: [PipelineChecker.Input], registry: HallRegistry, store: Store
    ) throws(HallRateError)
        -> (read: Set<String>, kept: [String])
    {
        do {
            return try ingestChangesUntyped(inputs, registry: registry, store: store)
        } catch {
            throw Store.failure(error, store.path)
        }
    }

    private func ingestChangesUntyped(
        _ inputs: [PipelineChecker.Input], registry: HallRegistry, store: Store
    ) throws
        -> (read: Set<String>, kept: [String])
    {
        let ledger = try store.ledger()
        let present = Set(inputs.map(\.displayPath))
        let missing = ledger.keys.filter { !present.contains($0) }.sorted()
        if !missing.isEmpty {
            if pruneMissing {
                try store.remove(paths: missing)
                logger.warning("withdrew the rows of missing files", metadata: ["files": "\(missing.joined(separator: ", "))"])
            } else {
                logger.warning(
                    "files are gone from the inputs; their rows are kept (use --prune-missing to withdraw them)",
                    metadata: ["files": "\(missing.joined(separator: ", "))"])
            }
        }
        let fingerprints = self.fingerprints()
        let codes = registry.halls.map(\.code)
        var read: Set<String> = []
        var kept: [String] = []
        var remapped = 0
        var rowsSoFar = 0
        for (index, input) in inputs.enumerated() {
            let (size, modified) = Self.sizeAndModification(of: input.path)
            let fingerprint = fingerprints[input.source.name] ?? ""
            if Self.isUnchanged(
                input, known: ledger[input.displayPath], size: size, modified: modified, fingerprint: fingerprint,
                hashing: true)
            {
                continue
            }
            if let known = ledger[input.displayPath], known.fingerprint != fingerprint,
                known.fingerprint != Store.reprocessMark
            {
                remapped += 1
            }
            // Rows read before from this file are not replaced by nothing: a re-delivery of 0 bytes is
            // almost always a failed copy, not a hall that did no work.
            let previous = ledger[input.displayPath].flatMap { $0.status != .refused && $0.rowsRead > 0 ? $0 : nil }
            if let previous, size == 0, input.nameIsUTF8 {
                logger.warning(
                    "the file is now empty; the rows it gave before are kept (to withdraw them, remove the file and run with --prune-missing)",
                    metadata: ["file": "\(input.displayPath)", "rows": "\(previous.rowsRead)"])
                kept.append(input.displayPath)
                continue
            }
            let started = ISO8601DateFormatter().string(from: Date())
            func entry(_ report: FileReport) -> LedgerEntry {
                LedgerEntry(
                    path: input.displayPath, source: input.source.name, size: size, modified: modified,
                    sha256: report.sha256, fingerprint: fingerprint, status: report.status,
                    encoding: report.encoding, note: report.note, rowsRead: report.rowsRead,
                    rejected: report.rejected, ingestedAt: started)
            }
            /// Why a file's reading was dropped and its earlier rows kept.
            enum Dropped {
                case changedWhileRead
                case unreadable(HallRateError)
            }
            let (fileReport, dropped) = try store.replaceFile(
                input.displayPath, hallCodes: codes
            ) { sink -> Store.FileOutcome<(FileReport, Dropped?)> in
                do {
                    let report = try ingest(input, registry: registry, into: &sink) { rows in
                        progress?(
                            PipelineRunner.Progress(file: index + 1, files: inputs.count, path: input.displayPath, rows: rowsSoFar + rows))
                    }
                    // A file rewritten while it was read would be stored torn: drop what was read.
                    guard Self.sizeAndModification(of: input.path) == (size, modified) else {
                        return .keptPrevious((report, .changedWhileRead))
                    }
                    checkpoint("before committing \(input.displayPath)")
                    return .stored(entry(report), (report, nil))
                } catch let refusal as FileRefusal {
                    // The file changed but cannot be read now (permissions, a copy under way): keep what it gave before.
                    if refusal.error.code == .io, previous != nil {
                        return .keptPrevious((FileReport(path: input.displayPath, source: input.source.name), .unreadable(refusal.error)))
                    }
                    // Nothing of the file is kept: it counts as one row read and one rejected.
                    let refused = Self.refusedReport(input, size: size, refusal.error)
                    let reject = Reject(
                        file: input.displayPath, line: refusal.error.location?.line ?? 1, reason: .fileRefused,
                        detail: refusal.error.message, raw: "")
                    return .refused(entry(refused), reject, (refused, nil))
                }
            }
            switch dropped {
            case .changedWhileRead:
                logger.warning(
                    "the file changed while it was read; what was read is dropped and the next run reads it again",
                    metadata: ["file": "\(input.displayPath)"])
                kept.append(input.displayPath)
                continue
            case .unreadable(let error):
                logger.error(
                    "the file cannot be read; the rows it gave before are kept",
                    metadata: ["file": "\(input.displayPath)", "reason": "\(error.message)"])
                kept.append(input.displayPath)
                continue
            case nil:
                if fileReport.status == .refused {
                    logger.error("file refused", metadata: ["file": "\(input.displayPath)", "reason": "\(fileReport.note ?? "")"])
                }
            }
            checkpoint("after storing \(input.displayPath)")
            rowsSoFar += fileReport.rowsRead
            read.insert(input.displayPath)
            logger.debug(
                "read file",
                metadata: [
                    "file": "\(input.displayPath)", "rows": "\(fileReport.rowsRead)", "rejected": "\(fileReport.rejected)",
                ])
            if input.source.encoding == .auto, let encoding = fileReport.encoding {
                logger.info("encoding detected", metadata: ["file": "\(input.displayPath)", "encoding": "\(encoding)"])
            }
        }
        if remapped > 0 {
            logger.info(
                "the mapping or registry changed: files read under the old one were read again",
                metadata: ["files": "\(remapped)"])
        }
        return (read, kept)
    }

    /// A file that cannot be used at all, thrown by ``ingest(_:registry:into:onRows:)`` to the file's
    /// outcome (``Store/FileOutcome/refused(_:_:_:)``), never past it.
    struct FileRefusal: Error {
        let error: HallRateError
    }

    /// The report of a file refused as a whole: one row read, one rejected, its digest and size.
    static func refusedReport(_ input: PipelineChecker.Input, size: Int, _ error: HallRateError) -> FileReport {
        var report = FileReport(path: input.displayPath, source: input.source.name)
        report.sha256 = sha256(of: input.path)
        report.bytes = size
        report.status = .refused
        report.rowsRead = 1
        report.rejected = 1
        report.note = error.message
        return report
    }

    /// Stages 1 and 2 for one file: read it and map every row, streaming transactions and rejects
    /// into `sink` (memory does not grow with the file). The reader runs on a thread of its own
    /// (``RecordPipe``), so reading and parsing overlap mapping and storing.
    /// - Throws: ``FileRefusal`` when the file is refused as a whole (it then counts as one row read
    ///   and one rejected, and none of its rows count: metric contract, clarifications); store errors.
    func ingest(
        _ input: PipelineChecker.Input, registry: HallRegistry, into sink: inout StoreSink,
        onRows: (Int) -> Void = { _ in }
    ) throws -> FileReport {
        onRows(0)
        guard input.nameIsUTF8 else { throw FileRefusal(error: PipelineChecker.Input.nameRefusal(input.displayPath)) }
        var report = FileReport(path: input.displayPath, source: input.source.name)
        var mapper: RecordMapper?
        func header(_ names: [String]) throws {
            mapper = try RecordMapper(
                source: input.source, pipeline: pipeline, header: names, registry: registry,
                file: input.displayPath, hallFromPath: input.hallFromPath)
        }
        func record(_ record: RawRecord) throws {
            report.rowsRead += 1
            if report.rowsRead & 0xFFFF == 0 { onRows(report.rowsRead) }
            guard let mapper else { return }
            switch mapper.map(record) {
            case .success(let transaction):
                try sink.add(transaction)
                let id = mapper.normalizedID(record)
                if let masked = IDMasker.masked(id) {
                    try masked.withUnsafeBufferPointer { try sink.addID(of: transaction, $0) }
                } else {
                    try sink.addID(of: transaction, id)
                }
            case .failure(let reject):
                report.rejected += 1
                try sink.add(reject)
            }
        }
        /// A record that could not be read whole: it was read, and it is rejected.
        func malformed(line: Int, _ detail: String) throws {
            report.rowsRead += 1
            report.rejected += 1
            try sink.add(Reject(file: input.displayPath, line: line, reason: .malformedRecord, detail: detail, raw: ""))
        }
        do {
            let read = try input.source.recordSource(at: input.path).read(header: header(_:), record: record(_:))
            (report.sha256, report.bytes, report.encoding) = (read.sha256, read.bytes, read.encoding?.rawValue)
            if let damage = read.damage {
                if damage.marksFile {
                    report.status = .damaged
                    report.note = "line \(damage.line): \(damage.detail)"
                }
                logger.warning(
                    "\(damage.warning)",
                    metadata: ["file": "\(input.displayPath)", "line": "\(damage.line)", "lines": "\(damage.lines)"])
                try malformed(line: damage.line, damage.detail)
            }
        } catch let error as HallRateError where error.code == .fileRefused || error.code == .io {
            throw FileRefusal(error: error)
        }
        if report.rowsRead == 0 {
            logger.warning("file has no data rows", metadata: ["file": "\(input.displayPath)"])
        }
        sink.items = mapper?.items ?? []
        sink.departments = mapper?.departments ?? []
        return report
    }

    /// The SHA-256 of a whole file (used for refused files, which were not read to the end).
    static func sha256(of path: String) -> String {
        guard let file = try? InputFile(path: path) else { return "" }
        do {
            while try file.nextChunk({ !$0.isEmpty }) {}
        } catch {
            return ""
        }
        return file.digest()
    }

    static func size(of path: String) -> Int { sizeAndModification(of: path).size }

    /// The file's size and modification time (nanoseconds since the epoch), 0 when unknown.
    static func sizeAndModification(of path: String) -> (size: Int, modified: Int64) {
        var info = stat()
        guard stat(path, &info) == 0 else { return (0, 0) }
        return (Int(info.st_size), Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec))
    }
}
