//! Scheduling gates (rule 95: `validateSchedulingGates`) and readiness gates (rule 96:
//! `validateReadinessGates`): their names and condition types are qualified names, and a
//! scheduling gate is listed once.

use std::collections::BTreeSet;

use k8s_openapi::api::core::v1 as k8s;

use crate::rules::{labels, shown};
use crate::validate::{At, Report};

/// Rule 95 over `schedulingGates` at `path`.
pub(crate) fn scheduling_gates(
    path: &At<'_>,
    gates: &[k8s::PodSchedulingGate],
    report: &mut Report,
) {
    let mut seen = BTreeSet::new();
    for (i, gate) in gates.iter().enumerate() {
        let at = path.index(i);
        report.check(
            &at,
            labels::qualified_name(&gate.name, 95, "scheduling gate name"),
        );
        if !seen.insert(gate.name.as_str()) {
            report.error(
                &at,
                95,
                format!("scheduling gate {} is listed twice", shown(&gate.name)),
                "list each gate once",
            );
        }
    }
}

/// Rule 96 over `readinessGates` at `path`.
pub(crate) fn readiness_gates(path: &At<'_>, gates: &[k8s::PodReadinessGate], report: &mut Report) {
    for (i, gate) in gates.iter().enumerate() {
        let at = path.index(i);
        report.check(
            &at.field("conditionType"),
            labels::qualified_name(&gate.condition_type, 96, "readiness gate condition type"),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paths(report: &Report, rule: u16) -> Vec<String> {
        assert!(report.errors().iter().all(|e| e.rule == rule));
        report
            .errors()
            .iter()
            .map(|e| e.path.as_str().to_owned())
            .collect()
    }

    #[test]
    fn rule_95_scheduling_gates_are_qualified_names_listed_once() {
        let gate = |name: &str| k8s::PodSchedulingGate { name: name.into() };
        let spec = At::root().field("spec");
        let path = spec.field("schedulingGates");
        let mut report = Report::new();
        scheduling_gates(
            &path,
            &[gate("example.com/quota"), gate("ready")],
            &mut report,
        );
        assert!(report.errors().is_empty());
        let mut report = Report::new();
        scheduling_gates(
            &path,
            &[gate("bad gate"), gate("ready"), gate("ready")],
            &mut report,
        );
        assert_eq!(
            paths(&report, 95),
            ["spec.schedulingGates[0]", "spec.schedulingGates[2]"]
        );
    }

    #[test]
    fn rule_96_readiness_gates_are_qualified_names() {
        let gate = |t: &str| k8s::PodReadinessGate {
            condition_type: t.into(),
        };
        let spec = At::root().field("spec");
        let path = spec.field("readinessGates");
        let mut report = Report::new();
        readiness_gates(&path, &[gate("example.com/feature-1")], &mut report);
        assert!(report.errors().is_empty());
        let mut report = Report::new();
        readiness_gates(&path, &[gate(""), gate("a/b/c")], &mut report);
        assert_eq!(
            paths(&report, 96),
            [
                "spec.readinessGates[0].conditionType",
                "spec.readinessGates[1].conditionType"
            ]
        );
    }
}
