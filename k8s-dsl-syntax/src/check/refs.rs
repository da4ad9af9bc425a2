//! References between blocks and the rules of container roles. Each check is a small function
//! whose comment gives the rule; a check is skipped when the names it needs are computed at
//! run time (then `build()` makes it).

use proc_macro2::Span;

use crate::ast::{Block, Value};
use crate::ctxt::Ctxt;
use crate::keys::{self, Enum};
use crate::rules::names;
use crate::rules::quantity::Quantity;
use crate::rules::{resources, security, suggest};

use super::literal;

/// The names given by literals in the list of blocks under `list`, with their spans; `None`
/// when a name (or an item, or the list) is computed at run time.
fn literal_names(block: &Block, list: &str, key: &str) -> Option<Vec<(String, Span)>> {
    let mut out = Vec::new();
    match block.get(list) {
        None => return Some(out),
        Some(Value::List(items)) => {
            for item in &items.items {
                match item {
                    Value::Block(b) => match b.get(key) {
                        Some(Value::Str(s)) => out.push((s.value(), s.span())),
                        _ => return None,
                    },
                    _ => return None,
                }
            }
        }
        Some(_) => return None,
    }
    Some(out)
}

/// The containers of a pod with the list they are in.
fn containers(pod: &Block) -> impl Iterator<Item = (&'static str, &Block)> {
    keys::CONTAINER_LISTS
        .iter()
        .flat_map(move |list| pod.blocks(list).map(move |c| (*list, c)))
}

/// Checks the references and role rules of a pod spec (the `pod!` body or a template).
pub fn pod_spec(pod: &Block, cx: &mut Ctxt) {
    pod_spec_of(pod, Volumes::Declared, cx);
}

/// Where the volumes that a pod's containers mount come from.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Volumes {
    /// Only its `volumes` (a pod, a Job's or a Deployment's template).
    Declared,
    /// Its `volumes` or claim templates added by builder calls after the macro (a
    /// StatefulSet's): a mount of no declared volume is left to `build()`, which sees both.
    OrClaims,
}

/// [`pod_spec`], with the volumes that a mount may name.
pub fn pod_spec_of(pod: &Block, sources: Volumes, cx: &mut Ctxt) {
    super::shape::pod_spec(pod, cx);
    unique_container_names(pod, cx);
    let volumes = literal_names(pod, "volumes", "name");
    if let Some(volumes) = &volumes {
        unique(volumes, "volume name", 7, cx);
    }
    let grace = pod_grace_period(pod);
    for (list, container) in containers(pod) {
        if let (Some(volumes), Volumes::Declared) = (&volumes, sources) {
            mounts_declared(container, volumes, cx);
        }
        unique_mount_paths(container, cx);
        ports_unique_and_referenced(container, cx);
        if list == "initContainers" {
            no_probes_on_init(container, cx);
        }
        probe_rules(container, cx);
        sleep_within_grace(container, grace, cx);
        requests_within_limits(container, cx);
        privilege_escalation(container, cx);
        resource_divisors(container, cx);
    }
}

/// Checks a Job spec (the `job!` body or a CronJob's `jobTemplate`) and its pod template.
pub fn job_spec(job: &Block, cx: &mut Ctxt) {
    super::shape::job_spec(job, cx);
    if let Some(template) = job.block("template") {
        pod_spec(template, cx);
    }
    indexed_job_name(job, cx);
}

/// Reports every name after the first that repeats one before it.
fn unique(names: &[(String, Span)], what: &str, rule: u16, cx: &mut Ctxt) {
    for (i, (name, span)) in names.iter().enumerate() {
        if names.iter().take(i).any(|(n, _)| n == name) {
            cx.error(
                *span,
                format!("duplicate {what} `{name}` (rule {rule}); rename one of them"),
            );
        }
    }
}

/// Rule 13: container names are unique across init containers (sidecars included) and app
/// containers.
fn unique_container_names(pod: &Block, cx: &mut Ctxt) {
    let names: Vec<(String, Span)> = containers(pod)
        .filter_map(|(_, c)| c.str("name").map(|s| (s.value(), s.span())))
        .collect();
    for (i, (name, span)) in names.iter().enumerate() {
        if names.iter().take(i).any(|(n, _)| n == name) {
            cx.error(
                *span,
                format!(
                    "duplicate container name `{name}`; names must be unique across init \
                     containers, sidecars and containers (rule 13); rename one of them"
                ),
            );
        }
    }
}

/// Rule 37: a mount names a volume the pod declares.
fn mounts_declared(container: &Block, volumes: &[(String, Span)], cx: &mut Ctxt) {
    for mount in container.blocks("volumeMounts") {
        let Some(name) = mount.str("name") else {
            continue;
        };
        let wanted = name.value();
        if volumes.iter().any(|(v, _)| *v == wanted) {
            continue;
        }
        let declared: Vec<&str> = volumes.iter().map(|(v, _)| v.as_str()).collect();
        let message = if declared.is_empty() {
            format!(
                "no volume named `{wanted}` in this pod, which declares no volumes (rule 37); \
                 add it to `volumes: [...]`"
            )
        } else {
            let fix = match suggest::closest(&wanted, declared.iter().copied()) {
                Some(close) => format!("did you mean `{close}`?"),
                None => "mount one of them or declare the volume".to_string(),
            };
            format!(
                "no volume named `{wanted}` in this pod (rule 37); declared volumes: {}; {fix}",
                crate::suggest::listed(&declared)
            )
        };
        cx.error(name.span(), message);
    }
}

/// Rule 37: mount paths are unique within a container.
fn unique_mount_paths(container: &Block, cx: &mut Ctxt) {
    if let Some(paths) = literal_names(container, "volumeMounts", "mountPath") {
        unique(&paths, "mount path", 37, cx);
    }
}

/// Rule 21: port names are unique within a container; and a probe or hook on a port name
/// needs the container to declare a port by that name (otherwise it can never succeed).
fn ports_unique_and_referenced(container: &Block, cx: &mut Ctxt) {
    // Port names: every port is a literal block; a port without a name is fine.
    let mut declared: Vec<(String, Span)> = Vec::new();
    let mut all_literal = true;
    match container.get("ports") {
        None => {}
        Some(Value::List(list)) => {
            for item in &list.items {
                match item {
                    Value::Block(port) => match port.get("name") {
                        None => {}
                        Some(Value::Str(s)) => declared.push((s.value(), s.span())),
                        Some(_) => all_literal = false,
                    },
                    _ => all_literal = false,
                }
            }
        }
        Some(_) => all_literal = false,
    }
    unique(&declared, "port name", 21, cx);
    if !all_literal {
        return;
    }
    let container_name = container.str("name").map_or_else(
        || "this container".to_string(),
        |s| format!("`{}`", s.value()),
    );
    let names: Vec<&str> = declared.iter().map(|(n, _)| n.as_str()).collect();
    for (_, handler) in handlers(container) {
        for action in ["httpGet", "tcpSocket"] {
            let Some(Value::Str(port)) = handler.block(action).and_then(|a| a.get("port")) else {
                continue;
            };
            let wanted = port.value();
            // An invalid name is reported already (rule 25), as `build()` does: not twice.
            if names.contains(&wanted.as_str())
                || super::literal::handler_port_name(&wanted).is_err()
            {
                continue;
            }
            let message = if names.is_empty() {
                format!(
                    "container {container_name} declares no port named `{wanted}`; \
                     add `ports: [ {{ containerPort: <number>, name: \"{wanted}\" }} ]` or use the port number"
                )
            } else {
                let fix = match suggest::closest(&wanted, names.iter().copied()) {
                    Some(close) => format!("did you mean `{close}`?"),
                    None => "use one of them or the port number".to_string(),
                };
                format!(
                    "container {container_name} declares no port named `{wanted}`; its ports are \
                     named {}; {fix}",
                    crate::suggest::listed(&names)
                )
            };
            cx.error(port.span(), message);
        }
    }
}

/// The probes and lifecycle hooks of a container, with their keys.
fn handlers(container: &Block) -> Vec<(&'static str, &Block)> {
    let mut out: Vec<(&'static str, &Block)> = keys::PROBES
        .iter()
        .filter_map(|k| container.block(k).map(|b| (*k, b)))
        .collect();
    if let Some(lifecycle) = container.block("lifecycle") {
        for hook in ["postStart", "preStop"] {
            if let Some(b) = lifecycle.block(hook) {
                out.push((hook, b));
            }
        }
    }
    out
}

/// Rule 17: a plain init container runs to completion, so it may not have probes or
/// lifecycle hooks (a native sidecar may).
fn no_probes_on_init(container: &Block, cx: &mut Ctxt) {
    for entry in &container.entries {
        let key = entry.key.name.as_str();
        if keys::PROBES.contains(&key) || key == "lifecycle" {
            cx.error(
                entry.key.span,
                format!(
                    "an init container may not have `{key}` (rule 17): it runs to completion \
                     before the app starts; remove it, or make the container a native sidecar \
                     by moving it to `sidecars: [...]`"
                ),
            );
        }
    }
}

/// Rules 28 and 29: liveness and startup probes need `successThreshold: 1`; a readiness probe
/// takes no `terminationGracePeriodSeconds`.
fn probe_rules(container: &Block, cx: &mut Ctxt) {
    for probe in ["livenessProbe", "startupProbe"] {
        let Some(Value::Int(threshold)) = container
            .block(probe)
            .and_then(|p| p.get("successThreshold"))
        else {
            continue;
        };
        if threshold.value() != Some(1) {
            cx.error(
                threshold.lit.span(),
                format!(
                    "`successThreshold` of a {} must be 1 (rule 29); write `1` or remove it",
                    probe_words(probe)
                ),
            );
        }
    }
    if let Some(entry) = container
        .block("readinessProbe")
        .and_then(|p| p.entry("terminationGracePeriodSeconds"))
    {
        cx.error(
            entry.key.span,
            "a readiness probe takes no `terminationGracePeriodSeconds` (rule 28); remove it",
        );
    }
}

/// `livenessProbe` in words.
fn probe_words(key: &str) -> &'static str {
    match key {
        "livenessProbe" => "liveness probe",
        "startupProbe" => "startup probe",
        _ => "readiness probe",
    }
}

/// The pod's `terminationGracePeriodSeconds` when written as a literal, else the API default
/// (30 s); `None` when computed at run time.
fn pod_grace_period(pod: &Block) -> Option<i64> {
    match pod.get("terminationGracePeriodSeconds") {
        None => Some(30),
        Some(Value::Int(i)) => literal::duration(&i.text()).ok().map(|d| d.as_secs()),
        Some(_) => None,
    }
}

/// Rule 26: a `sleep` hook lasts more than 0 s and at most the pod's grace period.
fn sleep_within_grace(container: &Block, grace: Option<i64>, cx: &mut Ctxt) {
    let Some(lifecycle) = container.block("lifecycle") else {
        return;
    };
    for hook in ["postStart", "preStop"] {
        let Some(Value::Int(seconds)) = lifecycle
            .block(hook)
            .and_then(|h| h.block("sleep"))
            .and_then(|s| s.get("seconds"))
        else {
            continue;
        };
        let Ok(duration) = literal::duration(&seconds.text()) else {
            continue;
        };
        let secs = duration.as_secs();
        if secs == 0 {
            cx.error(
                seconds.lit.span(),
                "a sleep hook must last more than 0s (rule 26); use `1s` or more",
            );
        } else if let Some(grace) = grace.filter(|g| secs > *g) {
            cx.error(
                seconds.lit.span(),
                format!(
                    "a sleep hook of {duration} is longer than the pod's grace period of {grace}s \
                     (rule 26); shorten it or raise `terminationGracePeriodSeconds`"
                ),
            );
        }
    }
}

/// A literal quantity value.
fn quantity(value: &Value) -> Option<Quantity> {
    match value {
        Value::Str(s) => Quantity::parse(&s.value()).ok(),
        Value::Int(i) => Quantity::parse(&i.text()).ok(),
        _ => None,
    }
}

/// Rule 48, with the predicates of the validation pass (`rules::resources`): a request is
/// within the limit of the same resource (equal to it for huge pages and extended resources),
/// and a resource that may not be overcommitted has a limit. Skipped where the maps or the
/// quantities are computed at run time.
fn requests_within_limits(container: &Block, cx: &mut Ctxt) {
    let Some(resources) = container.block("resources") else {
        return;
    };
    let Some(requests) = resources.block("requests") else {
        return;
    };
    let limits = match resources.get("limits") {
        None => None,
        Some(Value::Block(limits)) => Some(limits),
        Some(_) => return,
    };
    for request in &requests.entries {
        let name = request.key.name.as_str();
        let Some(r) = quantity(&request.value) else {
            continue;
        };
        let result = match limits.and_then(|l| l.get(name)) {
            Some(limit) => match quantity(limit) {
                Some(l) => resources::request_within_limit(name, &r, &l),
                None => continue,
            },
            None => resources::limit_required(name, r.as_str()),
        };
        if let Err(v) = result {
            cx.violation(request.value.span(), &v);
        }
    }
}

/// Rule 47, with the predicates of the validation pass (`rules::security`):
/// `allowPrivilegeEscalation: false` contradicts `privileged: true` and adding `CAP_SYS_ADMIN`.
fn privilege_escalation(container: &Block, cx: &mut Ctxt) {
    let Some(security) = container.block("securityContext") else {
        return;
    };
    let Some(Value::Bool(allow, _)) = security.get("allowPrivilegeEscalation") else {
        return;
    };
    if let Some(Value::Bool(privileged, span)) = security.get("privileged") {
        if let Err(v) =
            security::privileged_contradicts_no_escalation(Some(*allow), Some(*privileged))
        {
            cx.violation(*span, &v);
        }
    }
    let added = security
        .block("capabilities")
        .and_then(|c| match c.get("add") {
            Some(Value::List(list)) => Some(&list.items),
            _ => None,
        });
    for item in added.into_iter().flatten() {
        if let Value::Str(capability) = item {
            let result =
                security::sys_admin_contradicts_no_escalation(Some(*allow), &capability.value());
            if let Err(v) = result {
                cx.violation(capability.span(), &v);
            }
        }
    }
}

/// Rule 33: the divisor of a `resourceFieldRef` suits its resource.
fn resource_divisors(container: &Block, cx: &mut Ctxt) {
    for env in container.blocks("env") {
        let Some(field) = env
            .block("valueFrom")
            .and_then(|v| v.block("resourceFieldRef"))
        else {
            continue;
        };
        let (Some(resource), Some(divisor)) = (field.str("resource"), field.get("divisor")) else {
            continue;
        };
        if let Some(d) = quantity(divisor) {
            if let Err(v) = crate::rules::env::resource_divisor(&resource.value(), &d) {
                cx.violation(divisor.span(), &v);
            }
        }
    }
}

/// Rule 5: an Indexed Job's name with its last index is a DNS label.
fn indexed_job_name(job: &Block, cx: &mut Ctxt) {
    let Some(Value::Ident(mode)) = job.get("completionMode") else {
        return;
    };
    if literal::variant(Enum::CompletionMode, &mode.to_string())
        .map(|v| v.variant != "Indexed")
        .unwrap_or(true)
    {
        return;
    }
    let (Some(name), Some(Value::Int(completions))) = (job.str("name"), job.get("completions"))
    else {
        return;
    };
    let Some(count) = completions.value().and_then(|c| i32::try_from(c).ok()) else {
        return;
    };
    if let Err(v) = names::indexed_job_name(&name.value(), count) {
        cx.violation(name.span(), &v);
    }
}
