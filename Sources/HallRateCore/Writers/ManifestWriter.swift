import Foundation

/// Writes `manifest.json`: each input file with its SHA-256 and counts, the totals, the
/// reconciliation `rows_read = accepted + rejected + duplicates`, rejects by reason and the outputs.
///
/// The only output that carries times (when the run started and ended).
struct ManifestWriter {
    struct Manifest: Encodable {
        struct Totals: Encodable {
            let rowsRead, accepted, rejected, duplicates, withdrawn: Int
            enum CodingKeys: String, CodingKey {
                case rowsRead = "rows_read"
                case accepted, rejected, duplicates, withdrawn
            }
        }
        struct Reconciliation: Encodable {
            let equation = "rows_read = accepted + rejected + duplicates"
            let holds: Bool
        }
        let hallrateVersion: String
        let pipeline: String
        let pipelineFile: String
        let startedAt: String
        let finishedAt: String
        let firstPeriod: String?
        let lastPeriod: String?
        let asOf: String?
        let latestClosedPeriod: String?
        let provisionalPeriods: [String]
        let files: [FileReport]
        let totals: Totals
        let reconciliation: Reconciliation
        let rejectsByReason: [String: Int]
        let outputs: [String]
        /// A federated run's members (absent otherwise).
        var members: [Member]?

        struct Member: Encodable {
            let member: String
            let optional, published: Bool
            let asOf: String?
            let halls, rowsRead, accepted, rejected, duplicates: Int
            let reconciles: Bool
            let missingClosedMonths: [String]
            enum CodingKeys: String, CodingKey {
                case member, optional, published, halls, accepted, rejected, duplicates, reconciles
                case asOf = "as_of"
                case rowsRead = "rows_read"
                case missingClosedMonths = "missing_closed_months"
            }
        }

        enum CodingKeys: String, CodingKey {
            case hallrateVersion = "hallrate_version"
            case pipeline
            case pipelineFile = "pipeline_file"
            case startedAt = "started_at"
            case finishedAt = "finished_at"
            case firstPeriod = "first_period"
            case lastPeriod = "last_period"
            case asOf = "as_of"
            case latestClosedPeriod = "latest_closed_period"
            case provisionalPeriods = "provisional_periods"
            case files, totals, reconciliation
            case rejectsByReason = "rejects_by_reason"
            case outputs, members
        }
    }

    let path: String

    func write(_ summary: RunSummary, pipeline: String, pipelineFile: String, startedAt: Date, finishedAt: Date) throws(HallRateError) {
        let stamp = ISO8601DateFormatter()
        var manifest = Manifest(
            hallrateVersion: HallRate.version, pipeline: pipeline, pipelineFile: pipelineFile,
            startedAt: stamp.string(from: startedAt), finishedAt: stamp.string(from: finishedAt),
            firstPeriod: summary.firstPeriod?.description, lastPeriod: summary.lastPeriod?.description,
            asOf: summary.asOf?.description, latestClosedPeriod: summary.latestClosedPeriod?.description,
            provisionalPeriods: summary.provisionalPeriods.map(\.description),
            files: summary.files,
            totals: .init(
                rowsRead: summary.rowsRead, accepted: summary.accepted, rejected: summary.rejected,
                duplicates: summary.duplicates, withdrawn: summary.withdrawn),
            reconciliation: .init(holds: summary.reconciles),
            rejectsByReason: Dictionary(uniqueKeysWithValues: summary.rejectsByReason.map { ($0.key.rawValue, $0.value) }),
            outputs: summary.outputs)
        manifest.members = summary.federation?.members.map { member in
            Manifest.Member(
                member: member.name, optional: member.optional, published: member.published,
                asOf: member.published ? member.asOf : nil, halls: member.halls, rowsRead: member.rows.read,
                accepted: member.rows.accepted, rejected: member.rows.rejected, duplicates: member.rows.duplicates,
                reconciles: member.reconciles, missingClosedMonths: member.missing.map(\.description))
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        do {
            try AtomicFile.write(Array(try encoder.encode(manifest)) + [0x0A], to: path)
        } catch let error as HallRateError {
            throw error
        } catch {
            throw HallRateError(.output, "cannot encode the manifest: \(error)", at: SourceLocation(file: path))
        }
    }
}
