//! Pod-level resources (rule 97: `validatePodResources`, `validatePodResourceConsistency`):
//! `spec.resources` names only `cpu`, `memory` and huge pages, with quantities that are not
//! negative and requests within limits; it sets no `claims`; not on a Windows pod; and the pod's
//! requests cover what its containers request together, while no container's limit is above
//! the pod's.

use std::collections::BTreeMap;

use k8s_openapi::api::core::v1 as k8s;
use k8s_openapi::apimachinery::pkg::api::resource::Quantity as K8sQuantity;

use crate::rules::quantity::Quantity;
use crate::rules::shown;
use crate::validate::{At, Report};

/// Whether the pod-level resources may name `name` (`IsSupportedPodLevelResource`).
fn supported(name: &str) -> bool {
    name == "cpu" || name == "memory" || name.starts_with("hugepages-")
}

/// Rule 97 over the pod spec at `path`.
pub(crate) fn pod_resources(path: &At<'_>, spec: &k8s::PodSpec, report: &mut Report) {
    let Some(resources) = &spec.resources else {
        return;
    };
    let at = path.field("resources");
    if spec.os.as_ref().is_some_and(|os| os.name == "windows") {
        report.error(
            &at,
            97,
            "pod-level resources may not be set for a windows pod",
            "set the resources on each container instead",
        );
        return;
    }
    if resources.claims.is_some() {
        report.error(
            &at.field("claims"),
            97,
            "claims cannot be set for resources at pod level",
            "list the claims in `spec.resourceClaims` and each container's `resources.claims`",
        );
    }
    let limits = amounts(&at.field("limits"), resources.limits.as_ref(), report);
    let requests = amounts(&at.field("requests"), resources.requests.as_ref(), report);
    let requests_path = at.field("requests");
    for (name, request) in &requests {
        if let Some(limit) = limits.get(name) {
            if request.cmp_value(limit).is_gt() {
                // The API server reports it at `requests` itself.
                report.error(
                    &requests_path,
                    97,
                    format!("pod request {request} of `{name}` is above the pod limit {limit}"),
                    "make the request at most the limit",
                );
            }
        }
    }
    // Defaulting: a pod-level request left out is the pod-level limit.
    let mut effective = limits.clone();
    effective.extend(requests);
    consistency(path, spec, &effective, &limits, report);
}

/// The supported, non-negative quantities of `list` at `path`, parsed.
fn amounts(
    path: &At<'_>,
    list: Option<&BTreeMap<String, K8sQuantity>>,
    report: &mut Report,
) -> BTreeMap<String, Quantity> {
    let mut out = BTreeMap::new();
    for (name, value) in list.into_iter().flatten() {
        let at = path.key(name);
        if !supported(name) {
            report.error(
                &at,
                97,
                format!("resource {} is not supported at pod level; only `cpu`, `memory` and `hugepages-<size>` are", shown(name)),
                "set it on the containers instead",
            );
            continue;
        }
        let Some(quantity) = report.check(&at, Quantity::parse(&value.0)) else {
            continue;
        };
        if quantity.is_negative() {
            report.error(
                &at,
                97,
                format!("pod-level {name} of {quantity} is negative"),
                "give zero or more",
            );
            continue;
        }
        out.insert(name.clone(), quantity);
    }
    out
}

/// `validatePodResourceConsistency`: pod requests at least the containers' aggregate request
/// (`AggregateContainerRequests`); each app container's limit at most the pod's.
fn consistency(
    path: &At<'_>,
    spec: &k8s::PodSpec,
    requests: &BTreeMap<String, Quantity>,
    limits: &BTreeMap<String, Quantity>,
    report: &mut Report,
) {
    for (name, pod_request) in requests {
        let aggregate = aggregate_request(spec, name);
        if pod_request.as_nanos() < aggregate {
            report.error(
                &path.field("resources").field("requests").key(name),
                97,
                format!(
                    "pod request {pod_request} of `{name}` is below what its containers request together"
                ),
                "raise the pod-level request, or lower the containers' requests",
            );
        }
    }
    let containers = path.field("containers");
    for (i, c) in spec.containers.iter().enumerate() {
        for (name, pod_limit) in limits {
            let Some(limit) = container_amount(c, name, true) else {
                continue;
            };
            if limit > pod_limit.as_nanos() {
                let at = containers.index(i);
                let at = at.field("resources");
                let at = at.field("limits");
                report.error(
                    &at.key(name),
                    97,
                    format!(
                        "container `{}`'s `{name}` limit is above the pod limit {pod_limit}",
                        c.name
                    ),
                    "lower the container's limit, or raise the pod-level limit",
                );
            }
        }
    }
}

/// A container's request (its limit when no request is given) or limit of `name`, in
/// nano-units.
fn container_amount(c: &k8s::Container, name: &str, limit: bool) -> Option<i128> {
    let resources = c.resources.as_ref()?;
    let value = if limit {
        resources.limits.as_ref()?.get(name)?
    } else {
        match resources.requests.as_ref().and_then(|r| r.get(name)) {
            Some(request) => request,
            None => resources.limits.as_ref()?.get(name)?,
        }
    };
    Quantity::nanos_of(&value.0).ok()
}

/// What the containers request together (`AggregateContainerRequests`): the app containers
/// and sidecars, or the largest init container with the sidecars started before it.
fn aggregate_request(spec: &k8s::PodSpec, name: &str) -> i128 {
    let request = |c: &k8s::Container| container_amount(c, name, false).unwrap_or(0);
    let mut total: i128 = spec.containers.iter().map(request).sum();
    let mut sidecars = 0;
    let mut init_peak = 0;
    for c in spec.init_containers.iter().flatten() {
        let amount = request(c);
        let during = if c.restart_policy.as_deref() == Some("Always") {
            total += amount;
            sidecars += amount;
            sidecars
        } else {
            sidecars + amount
        };
        init_peak = init_peak.max(during);
    }
    total.max(init_peak)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn list(entries: &[(&str, &str)]) -> Option<BTreeMap<String, K8sQuantity>> {
        Some(
            entries
                .iter()
                .map(|(k, v)| ((*k).to_owned(), K8sQuantity((*v).to_owned())))
                .collect(),
        )
    }

    fn container(requests: &[(&str, &str)], limits: &[(&str, &str)]) -> k8s::Container {
        k8s::Container {
            name: "app".into(),
            resources: Some(k8s::ResourceRequirements {
                requests: list(requests),
                limits: list(limits),
                ..Default::default()
            }),
            ..Default::default()
        }
    }

    fn errors(spec: &k8s::PodSpec) -> Vec<String> {
        let mut report = Report::new();
        pod_resources(&At::root().field("spec"), spec, &mut report);
        assert!(report.errors().iter().all(|e| e.rule == 97));
        report
            .errors()
            .iter()
            .map(|e| e.path.as_str().to_owned())
            .collect()
    }

    fn spec(
        requests: &[(&str, &str)],
        limits: &[(&str, &str)],
        containers: Vec<k8s::Container>,
    ) -> k8s::PodSpec {
        k8s::PodSpec {
            resources: Some(k8s::ResourceRequirements {
                requests: list(requests),
                limits: list(limits),
                ..Default::default()
            }),
            containers,
            ..Default::default()
        }
    }

    #[test]
    fn rule_97_valid_pod_level_resources() {
        let s = spec(
            &[("cpu", "1")],
            &[("cpu", "2"), ("memory", "1Gi")],
            vec![container(&[("cpu", "500m")], &[("memory", "512Mi")])],
        );
        assert!(errors(&s).is_empty());
    }

    #[test]
    fn rule_97_only_cpu_memory_and_huge_pages() {
        let s = spec(&[("ephemeral-storage", "1Gi")], &[], vec![]);
        assert_eq!(errors(&s), ["spec.resources.requests[ephemeral-storage]"]);
    }

    #[test]
    fn rule_97_requests_within_limits_and_not_negative() {
        let s = spec(&[("cpu", "2")], &[("cpu", "1")], vec![]);
        assert_eq!(errors(&s), ["spec.resources.requests"]);
        let s = spec(&[("memory", "-1")], &[], vec![]);
        assert_eq!(errors(&s), ["spec.resources.requests[memory]"]);
    }

    #[test]
    fn rule_97_pod_covers_its_containers() {
        let two = vec![
            container(&[("cpu", "600m")], &[]),
            container(&[("cpu", "600m")], &[]),
        ];
        assert_eq!(
            errors(&spec(&[("cpu", "1")], &[], two)),
            ["spec.resources.requests[cpu]"]
        );
        let big = vec![container(&[], &[("memory", "2Gi")])];
        // the container's request defaults to its limit, above the pod's limit (its request)
        assert_eq!(
            errors(&spec(&[], &[("memory", "1Gi")], big)),
            [
                "spec.resources.requests[memory]",
                "spec.containers[0].resources.limits[memory]"
            ]
        );
    }
}

#[cfg(test)]
mod windows_tests {
    use super::*;

    #[test]
    fn rule_97_not_on_windows_pods() {
        let spec = k8s::PodSpec {
            os: Some(k8s::PodOS {
                name: "windows".into(),
            }),
            resources: Some(k8s::ResourceRequirements::default()),
            ..Default::default()
        };
        let mut report = Report::new();
        pod_resources(&At::root().field("spec"), &spec, &mut report);
        assert!(report
            .errors()
            .iter()
            .any(|e| e.path.as_str() == "spec.resources" && e.rule == 97));
    }
}
