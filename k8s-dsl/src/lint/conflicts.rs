//! Objects that defeat each other once applied: node ports and cluster IPs two Services ask
//! for, controllers whose selectors match the same pods, budgets and autoscalers that cannot
//! work with the workloads they name.

use std::collections::BTreeMap;

use k8s_openapi::api::core::v1 as core;
use k8s_openapi::apimachinery::pkg::apis::meta::v1::LabelSelector;
use k8s_openapi::apimachinery::pkg::util::intstr::IntOrString;

use super::{containers, Lint};
use crate::bundle::Object;
use crate::rules::shown;
use crate::validate::FieldPath;
use crate::workload::{describe_selector, label_selector_matches, SpecRef};

/// The lints of `object` against the other `objects` of the bundle.
pub(super) fn object(object: &Object, objects: &[&Object], found: &mut Vec<Lint>) {
    match object {
        Object::Service(service) => service_allocations(object, service, objects, found),
        Object::Deployment(_) | Object::StatefulSet(_) | Object::DaemonSet(_) => {
            selector_overlap(object, objects, found);
        }
        Object::PodDisruptionBudget(_) => budget(object, objects, found),
        Object::HorizontalPodAutoscaler(_) => autoscaler(object, objects, found),
        _ => {}
    }
}

/// The objects before `object` in `objects` (so a pair is reported once, on the later one).
fn earlier<'a>(object: &Object, objects: &[&'a Object]) -> Vec<&'a Object> {
    objects
        .iter()
        .take_while(|o| !std::ptr::eq(**o, object))
        .copied()
        .collect()
}

/// Node ports are allocated cluster-wide and cluster IPs per cluster: two Services asking for
/// the same one cannot both be created.
fn service_allocations(
    object: &Object,
    service: &core::Service,
    objects: &[&Object],
    found: &mut Vec<Lint>,
) {
    let Some(spec) = &service.spec else { return };
    let before = earlier(object, objects);
    let others = before.iter().filter_map(|o| match o {
        Object::Service(s) => s.spec.as_ref().map(|spec| (o.id(), spec)),
        _ => None,
    });
    let mut node_ports: BTreeMap<i32, String> = BTreeMap::new();
    let mut cluster_ips: BTreeMap<&str, String> = BTreeMap::new();
    for (id, other) in others {
        for port in other.ports.iter().flatten() {
            if let Some(node_port) = port.node_port {
                node_ports
                    .entry(node_port)
                    .or_insert_with(|| id.to_string());
            }
        }
        if let Some(ip) = explicit_ip(other) {
            cluster_ips.entry(ip).or_insert_with(|| id.to_string());
        }
    }
    for (i, port) in spec.ports.iter().flatten().enumerate() {
        let Some(node_port) = port.node_port else {
            continue;
        };
        if let Some(owner) = node_ports.get(&node_port) {
            found.push(Lint::new(
                "node-port-collision",
                FieldPath::parse("spec.ports").index(i).field("nodePort"),
                format!(
                    "node port {node_port} is asked for by {owner} too; node ports are allocated across the whole cluster, so the second Service is rejected when applied"
                ),
                "give each Service its own nodePort, or leave it out to have one allocated",
            ));
        }
    }
    if let Some(ip) = explicit_ip(spec) {
        if let Some(owner) = cluster_ips.get(ip) {
            found.push(Lint::new(
                "cluster-ip-collision",
                FieldPath::parse("spec.clusterIP"),
                format!(
                    "cluster IP {} is asked for by {owner} too, so the second Service is rejected when applied",
                    shown(ip)
                ),
                "give each Service its own clusterIP, or leave it out to have one allocated",
            ));
        }
    }
}

/// A cluster IP the Service asks for (not `None`, not empty).
fn explicit_ip(spec: &core::ServiceSpec) -> Option<&str> {
    spec.cluster_ip
        .as_deref()
        .filter(|ip| !ip.is_empty() && *ip != "None")
}

/// A workload's selector, pod labels and replicas (none for a DaemonSet).
type Workload<'a> = (
    &'a LabelSelector,
    Option<&'a BTreeMap<String, String>>,
    Option<i32>,
);

/// A workload's selector, pod labels and replicas.
fn workload(object: &Object) -> Option<Workload<'_>> {
    let labels = object.pod().and_then(|view| view.labels);
    match object {
        Object::Deployment(d) => {
            let spec = d.spec.spec_ref()?;
            Some((&spec.selector, labels, Some(spec.replicas.unwrap_or(1))))
        }
        Object::StatefulSet(s) => {
            let spec = s.spec.spec_ref()?;
            Some((&spec.selector, labels, Some(spec.replicas.unwrap_or(1))))
        }
        Object::DaemonSet(d) => {
            let spec = d.spec.spec_ref()?;
            Some((&spec.selector, labels, None))
        }
        _ => None,
    }
}

/// Whether `selector` selects anything (an empty selector of a workload is an error anyway).
fn is_empty(selector: &LabelSelector) -> bool {
    selector
        .match_labels
        .as_ref()
        .is_none_or(BTreeMap::is_empty)
        && selector
            .match_expressions
            .as_ref()
            .is_none_or(Vec::is_empty)
}

/// Two controllers whose selectors match each other's pods fight over them.
fn selector_overlap(object: &Object, objects: &[&Object], found: &mut Vec<Lint>) {
    let Some((selector, labels, _)) = workload(object) else {
        return;
    };
    if is_empty(selector) {
        return;
    }
    let empty = BTreeMap::new();
    let namespace = object.metadata().namespace.as_deref();
    for other in earlier(object, objects) {
        if other.metadata().namespace.as_deref() != namespace {
            continue;
        }
        let Some((other_selector, other_labels, _)) = workload(other) else {
            continue;
        };
        if is_empty(other_selector) {
            continue;
        }
        let ours = label_selector_matches(selector, other_labels.unwrap_or(&empty));
        let theirs = label_selector_matches(other_selector, labels.unwrap_or(&empty));
        if ours || theirs {
            found.push(Lint::new(
                "selector-overlap",
                FieldPath::parse("spec.selector"),
                format!(
                    "selector `{}` and the selector `{}` of {} match the same pods, so the two controllers fight over them (each scales or replaces the other's pods)",
                    describe_selector(selector),
                    describe_selector(other_selector),
                    other.id()
                ),
                "give each workload a label of its own (`app.kubernetes.io/name`) and select on it",
            ));
        }
    }
}

/// A budget that allows no disruption, or selects nothing.
fn budget(object: &Object, objects: &[&Object], found: &mut Vec<Lint>) {
    let Object::PodDisruptionBudget(pdb) = object else {
        return;
    };
    let Some(spec) = &pdb.spec else { return };
    let Some(selector) = &spec.selector else {
        found.push(Lint::new(
            "pdb-selects-nothing",
            FieldPath::parse("spec.selector"),
            "the budget has no selector, and a PodDisruptionBudget without one selects no pod: it protects nothing".to_owned(),
            "select the pods of the workload it protects (`.selector(\"app\", \"web\")`)",
        ));
        return;
    };
    if let Some(IntOrString::Int(0)) | Some(IntOrString::String(_)) = &spec.max_unavailable {
        let zero = match &spec.max_unavailable {
            Some(IntOrString::Int(0)) => true,
            Some(IntOrString::String(s)) => s.trim_end_matches('%').trim() == "0",
            _ => false,
        };
        if zero {
            found.push(Lint::new(
                "pdb-blocks-drain",
                FieldPath::parse("spec.maxUnavailable"),
                "maxUnavailable 0 allows no pod to be evicted, so every node drain (upgrades, autoscaling) waits on it forever".to_owned(),
                "allow at least one: `maxUnavailable: 1`",
            ));
            return;
        }
    }
    let namespace = object.metadata().namespace.as_deref();
    let empty = BTreeMap::new();
    let mut total = 0i64;
    let mut names = Vec::new();
    for other in objects {
        if other.metadata().namespace.as_deref() != namespace {
            continue;
        }
        let Some(view) = other.pod() else { continue };
        if !label_selector_matches(selector, view.labels.unwrap_or(&empty)) {
            continue;
        }
        let replicas = match other {
            Object::Pod(_) => 1,
            _ => match workload(other) {
                Some((_, _, Some(replicas))) => replicas,
                _ => return, // a DaemonSet, a Job: the count is not known here
            },
        };
        total += i64::from(replicas);
        names.push(other.id().to_string());
    }
    if names.is_empty() {
        return; // the bundle's own check reports a selector that matches no pods
    }
    let blocks = match &spec.min_available {
        Some(IntOrString::Int(min)) => i64::from(*min) >= total,
        Some(IntOrString::String(s)) => s.trim() == "100%",
        None => false,
    };
    if blocks {
        found.push(Lint::new(
            "pdb-blocks-drain",
            FieldPath::parse("spec.minAvailable"),
            format!(
                "minAvailable is at least the {total} pods it selects ({}), so no pod may ever be evicted and every node drain waits on it forever",
                names.join(", ")
            ),
            format!(
                "set minAvailable below {total}, or use `maxUnavailable: 1`"
            ),
        ));
    }
}

/// An autoscaler whose target cannot be scaled the way it asks.
fn autoscaler(object: &Object, objects: &[&Object], found: &mut Vec<Lint>) {
    let Object::HorizontalPodAutoscaler(hpa) = object else {
        return;
    };
    let Some(spec) = hpa.spec.spec_ref() else {
        return;
    };
    let target_ref = &spec.scale_target_ref;
    let namespace = object.metadata().namespace.as_deref();
    let Some(target) = objects.iter().find(|o| {
        o.kind() == target_ref.kind
            && o.metadata().name.as_deref() == Some(target_ref.name.as_str())
            && o.metadata().namespace.as_deref() == namespace
    }) else {
        return; // the bundle's own check reports a missing target
    };
    if let Some((_, _, Some(replicas))) = workload(target) {
        let fixed = match target {
            Object::Deployment(d) => d.spec.spec_ref().and_then(|s| s.replicas).is_some(),
            Object::StatefulSet(s) => s.spec.spec_ref().and_then(|s| s.replicas).is_some(),
            _ => false,
        };
        if fixed && spec.max_replicas < replicas {
            found.push(Lint::new(
                "hpa-max-below-replicas",
                FieldPath::parse("spec.maxReplicas"),
                format!(
                    "maxReplicas {} is below the {replicas} replicas of {}, so the autoscaler scales it down on its first pass",
                    spec.max_replicas,
                    target.id()
                ),
                format!("raise maxReplicas to at least {replicas}, or lower the target's replicas"),
            ));
        }
    }
    let Some(view) = target.pod() else { return };
    for (i, metric) in spec.metrics.iter().flatten().enumerate() {
        let Some(resource) = &metric.resource else {
            continue;
        };
        if resource.target.type_ != "Utilization" {
            continue;
        }
        let name = resource.name.as_str();
        let missing: Vec<String> = containers(view.spec, &view.path)
            .into_iter()
            .filter(|(c, path)| {
                // Plain init containers have finished by the time the pod is measured.
                let finished = path.as_str().contains("initContainers")
                    && c.restart_policy.as_deref() != Some("Always");
                !finished
                    && !c
                        .resources
                        .as_ref()
                        .and_then(|r| r.requests.as_ref())
                        .is_some_and(|r| r.contains_key(name))
            })
            .map(|(c, _)| format!("`{}`", c.name))
            .collect();
        if !missing.is_empty() {
            found.push(Lint::new(
                "hpa-utilization-without-request",
                FieldPath::parse("spec.metrics").index(i).field("resource").field("name"),
                format!(
                    "the autoscaler scales on {name} utilization, a percentage of the {name} request, but container {} of {} requests no {name}, so it cannot compute it and never scales",
                    missing.join(", "),
                    target.id()
                ),
                format!(
                    "give every container of the target a {name} request ({})",
                    match name {
                        "cpu" => "`.cpu(\"100m\", ..)`",
                        "memory" => "`.memory(\"128Mi\", ..)`",
                        _ => "`resources.requests`",
                    }
                ),
            ));
        }
    }
}
