/// The target ratio of each tier over time (contract rule 9): a first set in force from the
/// beginning, then changes each taking effect from a month. A month is judged by the target in
/// force in it, so a change from a future month leaves every earlier month as it was.
package struct TargetSchedule: Sendable, Equatable {
    /// A change of targets from `from` on (nil: from the beginning). Tiers not named keep the
    /// target in force before.
    package struct Step: Sendable, Equatable {
        package let from: Period?
        package let targets: [Tier: Fraction]

        package init(from: Period?, targets: [Tier: Fraction]) {
            self.from = from
            self.targets = targets
        }
    }

    /// In order of `from`; the first has no `from` and names every tier.
    package let steps: [Step]

    /// - Precondition: the first step has no `from` and names every tier; later steps' months increase.
    package init(steps: [Step]) {
        self.steps = steps
    }

    /// One target per tier for all time.
    package init(_ targets: [Tier: Fraction]) {
        self.init(steps: [Step(from: nil, targets: targets)])
    }

    /// The target of `tier` in force in `period`.
    package func target(_ tier: Tier, in period: Period) -> Fraction? {
        var found: Fraction?
        for step in steps {
            if let from = step.from, period < from { break }
            if let target = step.targets[tier] { found = target }
        }
        return found
    }

    /// True when the targets never change.
    package var isConstant: Bool { steps.count == 1 }
}
