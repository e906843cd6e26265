/// What the item catalogue (事项目录, `catalogue.csv`) says about one service item: instant (即办件) or promised
/// (承诺件), its promised and legal time limits with their unit, and whether it can be applied for online
/// (网上可办) and handled entirely online (全程网办).
struct ItemTerms: Equatable {
    enum Kind: Equatable {
        /// 即办件: due the day it is accepted.
        case instant
        /// 承诺件: due the `promisedLimit`-th day of `unit` after the day of acceptance.
        case promised
    }

    enum Unit: Equatable {
        /// 法定工作日: Monday–Friday except official holidays, plus the official make-up working days.
        case workingDays
        /// 自然日: every calendar day.
        case naturalDays
    }

    let kind: Kind
    let promisedLimit: Int
    let legalLimit: Int
    let unit: Unit
    let onlineCapable: Bool
    let fullyOnline: Bool

    /// An instant item (limits 0 and 0, in working days).
    static func instant(online: Bool, fully: Bool) -> ItemTerms {
        ItemTerms(kind: .instant, promisedLimit: 0, legalLimit: 0, unit: .workingDays, onlineCapable: online, fullyOnline: fully)
    }

    /// A promised item: `promised` days of `unit` promised, `legal` allowed by law (never fewer).
    static func promised(_ promised: Int, legal: Int, _ unit: Unit = .workingDays, online: Bool, fully: Bool) -> ItemTerms {
        precondition(promised <= legal, "a promised limit is never longer than the legal one")
        return ItemTerms(
            kind: .promised, promisedLimit: promised, legalLimit: legal, unit: unit, onlineCapable: online, fullyOnline: fully)
    }

    // The catalogue's words (docs/pipeline-format.md, "The item catalogue").
    var kindWord: String { kind == .instant ? "即办件" : "承诺件" }
    var unitWord: String { unit == .workingDays ? "工作日" : "自然日" }
    static func yesNo(_ value: Bool) -> String { value ? "是" : "否" }

    /// The limit as the README states it: `即办件`, `5 工作日`, `30 自然日`.
    var limitLabel: String { kind == .instant ? "即办件" : "\(promisedLimit) \(unitWord)" }
}
