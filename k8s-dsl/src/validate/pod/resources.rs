//! A container's requests and limits (rule 48, `ValidateResourceRequirements`,
//! `validateContainerResourceName`), with the shared predicates of `rules::resources`.
//!
//! The API server reports a request above its limit at `resources.requests` and a missing
//! limit at `resources.limits`; these are reported at the resource's own key
//! (`resources.requests[cpu]`, `resources.limits[example.com/gpu]`).

use std::collections::BTreeMap;

use k8s_openapi::apimachinery::pkg::api::resource::Quantity as ApiQuantity;

use crate::rules::quantity::Quantity;
use crate::rules::resources;
use crate::validate::{At, Report};

/// Checks `requests` and `limits` at `path` (a `resources` field).
pub(crate) fn requirements(
    path: &At<'_>,
    requests: Option<&BTreeMap<String, ApiQuantity>>,
    limits: Option<&BTreeMap<String, ApiQuantity>>,
    report: &mut Report,
) {
    let empty = BTreeMap::new();
    let requests = requests.unwrap_or(&empty);
    let limits = limits.unwrap_or(&empty);
    let requests_path = path.field("requests");
    let limits_path = path.field("limits");
    let parsed_limits = values(limits, &limits_path, report);
    let parsed_requests = values(requests, &requests_path, report);
    for (name, request) in &parsed_requests {
        let Some(request) = request else {
            continue;
        };
        match (limits.get(*name), parsed_limits.get(name)) {
            (None, _) => {
                report.check(
                    &limits_path.key(name),
                    resources::limit_required(name, request.as_str()),
                );
            }
            (Some(_), Some(Some(limit))) => {
                report.check(
                    &requests_path.key(name),
                    resources::request_within_limit(name, request, limit),
                );
            }
            _ => {}
        }
    }
    let names = requests.keys().chain(limits.keys()).map(String::as_str);
    report.check(path, resources::huge_pages_need_cpu_or_memory(names));
}

/// Checks the names and values of one map (`requests` or `limits`) at `path`; each value
/// parsed, `None` where it does not parse or is not valid.
fn values<'m>(
    map: &'m BTreeMap<String, ApiQuantity>,
    path: &At<'_>,
    report: &mut Report,
) -> BTreeMap<&'m str, Option<Quantity>> {
    map.iter()
        .map(|(name, value)| {
            let here = path.key(name);
            report.check(&here, resources::resource_name(name));
            let quantity = report
                .check(&here, Quantity::parse(&value.0))
                .and_then(|q| {
                    report
                        .check(&here, resources::quantity_value(name, &q))
                        .map(|()| q)
                });
            (name.as_str(), quantity)
        })
        .collect()
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn map(entries: &[(&str, &str)]) -> BTreeMap<String, ApiQuantity> {
        entries
            .iter()
            .map(|(k, v)| ((*k).to_owned(), ApiQuantity((*v).to_owned())))
            .collect()
    }

    fn errors(requests: &[(&str, &str)], limits: &[(&str, &str)]) -> Vec<(String, u16)> {
        let mut report = Report::new();
        let path = At::root().field("resources");
        requirements(&path, Some(&map(requests)), Some(&map(limits)), &mut report);
        report
            .errors()
            .iter()
            .map(|e| (e.path.as_str().to_owned(), e.rule))
            .collect()
    }

    fn at(path: &str) -> Vec<(String, u16)> {
        vec![(path.to_owned(), 48)]
    }

    #[test]
    fn rule_48_requests_within_limits() {
        assert_eq!(
            errors(&[("cpu", "2")], &[("cpu", "1500m")]),
            at("resources.requests[cpu]")
        );
        assert!(errors(&[("memory", "1Gi")], &[("memory", "1024Mi")]).is_empty());
        assert!(errors(&[("cpu", "1")], &[]).is_empty());
    }

    #[test]
    fn rule_48_extended_resources_and_huge_pages_are_not_overcommitted() {
        assert_eq!(
            errors(&[("example.com/gpu", "1")], &[]),
            at("resources.limits[example.com/gpu]")
        );
        assert_eq!(
            errors(&[("example.com/gpu", "1")], &[("example.com/gpu", "2")]),
            at("resources.requests[example.com/gpu]")
        );
        assert_eq!(
            errors(
                &[("memory", "1Gi"), ("hugepages-2Mi", "2Mi")],
                &[("memory", "1Gi"), ("hugepages-2Mi", "4Mi")]
            ),
            at("resources.requests[hugepages-2Mi]")
        );
        assert_eq!(errors(&[], &[("hugepages-2Mi", "2Mi")]), at("resources"));
    }

    #[test]
    fn rule_48_names_and_quantities() {
        assert_eq!(errors(&[("gpu", "1")], &[]), at("resources.requests[gpu]"));
        assert_eq!(errors(&[("cpu", "-1")], &[]), at("resources.requests[cpu]"));
        assert_eq!(errors(&[], &[("cpu", "one")]), at("resources.limits[cpu]"));
        assert_eq!(
            errors(
                &[("example.com/gpu", "500m")],
                &[("example.com/gpu", "500m")]
            ),
            vec![
                ("resources.limits[example.com/gpu]".to_owned(), 48),
                ("resources.requests[example.com/gpu]".to_owned(), 48),
            ]
        );
        assert_eq!(
            errors(
                &[("memory", "1Gi")],
                &[("memory", "1Gi"), ("hugepages-2Mi", "3Mi")]
            ),
            at("resources.limits[hugepages-2Mi]")
        );
    }
}
