//! Topology spread constraints (rule 93: `validateTopologySpreadConstraints`): a positive
//! `maxSkew`, a topology key, a known `whenUnsatisfiable`, each (topology key,
//! whenUnsatisfiable) pair once, `minDomains` only positive and with `DoNotSchedule`, known node
//! inclusion policies, label names in `matchLabelKeys`, and a valid label selector.

use std::collections::BTreeSet;

use k8s_openapi::api::core::v1 as k8s;
use k8s_openapi::apimachinery::pkg::apis::meta::v1::LabelSelector;

use crate::rules::enums::{NodeInclusionPolicy, WhenUnsatisfiable};
use crate::rules::{labels, shown, suggest};
use crate::validate::{At, Report};

/// Rule 93 over `topologySpreadConstraints` at `path`.
pub(crate) fn topology_spread(
    path: &At<'_>,
    constraints: &[k8s::TopologySpreadConstraint],
    report: &mut Report,
) {
    for (i, c) in constraints.iter().enumerate() {
        let at = path.index(i);
        if c.max_skew <= 0 {
            report.error(
                &at.field("maxSkew"),
                93,
                format!("maxSkew {} must be greater than zero", c.max_skew),
                "give a skew of at least 1",
            );
        }
        if c.topology_key.is_empty() {
            report.error(
                &at.field("topologyKey"),
                93,
                "the topology key can not be empty",
                "name a node label, such as `topology.kubernetes.io/zone`",
            );
        }
        let action = report.check(
            &at.field("whenUnsatisfiable"),
            c.when_unsatisfiable.parse::<WhenUnsatisfiable>(),
        );
        // `ValidateSpreadConstraintNotRepeat`: reported on the first of a repeated pair.
        let later = constraints.get(i + 1..).unwrap_or_default();
        if later.iter().any(|o| {
            o.topology_key == c.topology_key && o.when_unsatisfiable == c.when_unsatisfiable
        }) {
            report.error(
                &at.field("{topologyKey, whenUnsatisfiable}"),
                93,
                format!(
                    "the pair ({}, {}) is given twice",
                    shown(&c.topology_key),
                    shown(&c.when_unsatisfiable)
                ),
                "give each topology key and action once",
            );
        }
        if let Some(min) = c.min_domains {
            min_domains(&at.field("minDomains"), min, action, report);
        }
        for (field, policy) in [
            ("nodeAffinityPolicy", &c.node_affinity_policy),
            ("nodeTaintsPolicy", &c.node_taints_policy),
        ] {
            if let Some(policy) = policy {
                report.check(&at.field(field), policy.parse::<NodeInclusionPolicy>());
            }
        }
        match_label_keys(&at.field("matchLabelKeys"), c, report);
        if let Some(selector) = &c.label_selector {
            label_selector(&at.field("labelSelector"), selector, report);
        }
    }
}

/// `validateMatchLabelKeysInTopologySpread`: label keys, with a label selector, and none of
/// them in the selector already.
fn match_label_keys(path: &At<'_>, c: &k8s::TopologySpreadConstraint, report: &mut Report) {
    let keys = c.match_label_keys.as_deref().unwrap_or_default();
    if keys.is_empty() {
        return;
    }
    let mut selected = BTreeSet::new();
    match &c.label_selector {
        Some(selector) => {
            selected.extend(
                selector
                    .match_labels
                    .iter()
                    .flatten()
                    .map(|(k, _)| k.as_str()),
            );
            selected.extend(
                selector
                    .match_expressions
                    .iter()
                    .flatten()
                    .map(|e| e.key.as_str()),
            );
        }
        None => report.error(
            path,
            93,
            "matchLabelKeys must not be specified when labelSelector is not set",
            "add a `labelSelector` (`.label(key, value)`), or leave out `matchLabelKeys`",
        ),
    }
    for (j, key) in keys.iter().enumerate() {
        report.check(&path.index(j), relabel(labels::label_key(key)));
        if selected.contains(key.as_str()) {
            report.error(
                &path.index(j),
                93,
                format!("{} is in both matchLabelKeys and labelSelector", shown(key)),
                "keep the key in one of them",
            );
        }
    }
}

/// `validateMinDomains`: positive, and only with `DoNotSchedule`.
fn min_domains(at: &At<'_>, min: i32, action: Option<WhenUnsatisfiable>, report: &mut Report) {
    if min <= 0 {
        report.error(
            at,
            93,
            format!("minDomains {min} must be greater than zero"),
            "give at least 1, or leave `minDomains` out",
        );
    }
    if let Some(action @ WhenUnsatisfiable::ScheduleAnyway) = action {
        report.error(
            at,
            93,
            format!("minDomains can only be used with whenUnsatisfiable `DoNotSchedule`, not `{action}`"),
            "use `WhenUnsatisfiable::DoNotSchedule`, or leave `minDomains` out",
        );
    }
}

/// The operators of a label selector requirement.
const OPERATORS: &[&str] = &["In", "NotIn", "Exists", "DoesNotExist"];

/// `ValidateLabelSelector`: label syntax in `matchLabels`, and for each expression a label key,
/// a known operator, values for `In`/`NotIn` only, each a label value.
fn label_selector(path: &At<'_>, selector: &LabelSelector, report: &mut Report) {
    // `ValidateLabels` reports keys and values at `matchLabels` itself.
    let match_labels = path.field("matchLabels");
    for (key, value) in selector.match_labels.iter().flatten() {
        report.check(&match_labels, relabel(labels::label_key(key)));
        report.check(&match_labels, relabel(labels::label_value(value)));
    }
    let expressions = path.field("matchExpressions");
    for (i, e) in selector.match_expressions.iter().flatten().enumerate() {
        let at = expressions.index(i);
        report.check(&at.field("key"), relabel(labels::label_key(&e.key)));
        let values = e.values.as_deref().unwrap_or_default();
        let needs_values = match e.operator.as_str() {
            "In" | "NotIn" => true,
            "Exists" | "DoesNotExist" => false,
            other => {
                report.error(
                    &at.field("operator"),
                    93,
                    format!("{} is not a label selector operator", shown(other)),
                    suggest::fix_for_value(other, OPERATORS.iter().copied()),
                );
                continue;
            }
        };
        if needs_values && values.is_empty() {
            report.error(
                &at.field("values"),
                93,
                format!("operator `{}` needs at least one value", e.operator),
                "list the label values to match",
            );
        }
        if !needs_values && !values.is_empty() {
            report.error(
                &at.field("values"),
                93,
                format!("operator `{}` takes no values", e.operator),
                "remove the values",
            );
        }
        let values_path = at.field("values");
        for (j, value) in values.iter().enumerate() {
            report.check(&values_path.index(j), relabel(labels::label_value(value)));
        }
    }
}

/// A label rule's violation, numbered as part of rule 93.
fn relabel(result: crate::rules::Checked) -> crate::rules::Checked {
    result.map_err(|mut v| {
        v.rule = 93;
        v
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn constraint(key: &str, when: &str) -> k8s::TopologySpreadConstraint {
        k8s::TopologySpreadConstraint {
            max_skew: 1,
            topology_key: key.into(),
            when_unsatisfiable: when.into(),
            ..Default::default()
        }
    }

    fn errors(constraints: &[k8s::TopologySpreadConstraint]) -> Vec<String> {
        let mut report = Report::new();
        let spec = At::root().field("spec");
        let path = spec.field("topologySpreadConstraints");
        topology_spread(&path, constraints, &mut report);
        assert!(report.errors().iter().all(|e| e.rule == 93));
        report
            .errors()
            .iter()
            .map(|e| e.path.as_str().to_owned())
            .collect()
    }

    const AT: &str = "spec.topologySpreadConstraints[0]";

    #[test]
    fn rule_93_a_valid_constraint_passes() {
        let mut c = constraint("topology.kubernetes.io/zone", "DoNotSchedule");
        c.min_domains = Some(2);
        c.node_taints_policy = Some("Honor".into());
        c.match_label_keys = Some(vec!["pod-template-hash".into()]);
        c.label_selector = Some(LabelSelector {
            match_labels: Some([("app".to_owned(), "web".to_owned())].into()),
            ..Default::default()
        });
        assert!(errors(&[c]).is_empty());
    }

    #[test]
    fn rule_93_match_label_keys_need_a_selector_without_them() {
        let mut c = constraint("zone", "DoNotSchedule");
        c.match_label_keys = Some(vec!["app".into()]);
        assert_eq!(errors(&[c.clone()]), [format!("{AT}.matchLabelKeys")]);
        c.label_selector = Some(LabelSelector {
            match_labels: Some([("app".to_owned(), "web".to_owned())].into()),
            ..Default::default()
        });
        assert_eq!(errors(&[c]), [format!("{AT}.matchLabelKeys[0]")]);
    }

    #[test]
    fn rule_93_max_skew_and_topology_key() {
        let mut c = constraint("", "DoNotSchedule");
        c.max_skew = 0;
        assert_eq!(
            errors(&[c]),
            [format!("{AT}.maxSkew"), format!("{AT}.topologyKey")]
        );
    }

    #[test]
    fn rule_93_when_unsatisfiable_is_known() {
        let c = constraint("zone", "scheduleAnyway");
        assert_eq!(errors(&[c]), [format!("{AT}.whenUnsatisfiable")]);
    }

    #[test]
    fn rule_93_a_pair_is_given_once() {
        let c = constraint("zone", "DoNotSchedule");
        let errors = errors(&[c.clone(), c]);
        assert_eq!(
            errors,
            ["spec.topologySpreadConstraints[0].{topologyKey, whenUnsatisfiable}"]
        );
    }

    #[test]
    fn rule_93_min_domains_positive_and_with_do_not_schedule() {
        let mut c = constraint("zone", "ScheduleAnyway");
        c.min_domains = Some(1);
        assert_eq!(errors(&[c]), [format!("{AT}.minDomains")]);
        let mut c = constraint("zone", "DoNotSchedule");
        c.min_domains = Some(0);
        assert_eq!(errors(&[c]), [format!("{AT}.minDomains")]);
    }

    #[test]
    fn rule_93_policies_keys_and_selector() {
        let mut c = constraint("zone", "DoNotSchedule");
        c.node_affinity_policy = Some("honor".into());
        c.match_label_keys = Some(vec!["bad key".into()]);
        c.label_selector = Some(LabelSelector {
            match_expressions: Some(vec![
                k8s_openapi::apimachinery::pkg::apis::meta::v1::LabelSelectorRequirement {
                    key: "app".into(),
                    operator: "In".into(),
                    values: None,
                },
            ]),
            ..Default::default()
        });
        assert_eq!(
            errors(&[c]),
            [
                format!("{AT}.nodeAffinityPolicy"),
                format!("{AT}.matchLabelKeys[0]"),
                format!("{AT}.labelSelector.matchExpressions[0].values"),
            ]
        );
    }
}
