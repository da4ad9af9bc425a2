//! Pods and pod templates: containers in their roles, volumes, and the pod-level settings.

use serde_json::Value;

use k8s_dsl::pod::FsGroupChangePolicy;
use k8s_dsl::prelude::{
    DnsPolicy, JobRestartPolicy, NodeInclusionPolicy, OsName, RestartPolicy, TaintEffect,
    WhenUnsatisfiable, ROLES_ANNOTATION,
};

use super::container::{container, list, seccomp_profile};
use super::fields::{Chain, Cx, Fields};
use super::meta;
use super::volume::volume;
use crate::rust::str_lit;

/// `Pod::new(name)...` (or `Pod::generated(prefix)`, the `constructor`) for a Pod object.
pub(crate) fn pod(
    constructor: String,
    mut metadata: Fields,
    object: &mut Fields,
    cx: &mut Cx,
) -> Chain {
    let mut chain = Chain::new(constructor);
    let spec = object.obj("spec");
    let roles = roles(&mut metadata, spec.as_ref());
    meta::meta(&mut metadata, &mut chain, true);
    metadata.finish(cx);
    if let Some(spec) = spec {
        pod_spec(spec, &roles, &mut chain, cx);
    }
    chain
}

/// `Pod::template()...` for a workload's `template`. With `job`, a `restartPolicy` the Job
/// builder takes is returned as `JobRestartPolicy::..` code instead of set on the pod.
pub(crate) fn template(mut t: Fields, job: bool, cx: &mut Cx) -> (Chain, Option<String>) {
    let mut chain = Chain::new("Pod::template()");
    let mut spec = t.obj("spec");
    let empty_metadata = t
        .peek("metadata")
        .and_then(Value::as_object)
        .is_some_and(serde_json::Map::is_empty);
    let mut roles = Roles::default();
    if !empty_metadata {
        if let Some(mut metadata) = t.obj("metadata") {
            roles = self::roles(&mut metadata, spec.as_ref());
            meta::labels_and_annotations(&mut metadata, &mut chain);
            metadata.finish(cx);
        }
    }
    let mut restart = None;
    if let (true, Some(spec)) = (job, spec.as_mut()) {
        restart = spec.enumeration::<JobRestartPolicy>("restartPolicy", "JobRestartPolicy");
    }
    if let Some(spec) = spec {
        pod_spec(spec, &roles, &mut chain, cx);
    }
    t.finish(cx);
    (chain, restart)
}

/// The roles named by a `k8s-dsl.io/roles` annotation, when the builder would write the
/// same annotation back (then the annotation is taken and `.role_annotations()` written).
#[derive(Debug, Default)]
struct Roles {
    named: Vec<(String, String)>,
    annotate: bool,
}

impl Roles {
    fn of(&self, container: &str) -> Option<&str> {
        self.named
            .iter()
            .find(|(_, name)| name == container)
            .map(|(role, _)| role.as_str())
    }
}

fn roles(metadata: &mut Fields, spec: Option<&Fields>) -> Roles {
    let annotation = metadata
        .peek("annotations")
        .and_then(|a| a.get(ROLES_ANNOTATION))
        .and_then(Value::as_str)
        .map(str::to_owned);
    let (Some(annotation), Some(spec)) = (annotation, spec) else {
        return Roles::default();
    };
    let named: Vec<(String, String)> = annotation
        .split(',')
        .filter_map(|entry| entry.split_once('='))
        .map(|(role, name)| (role.to_owned(), name.to_owned()))
        .collect();
    let roles = Roles {
        named,
        annotate: true,
    };
    // What the builder writes: init containers and sidecars in order, then classic sidecars.
    let mut expected = Vec::new();
    for (field, init) in [("initContainers", true), ("containers", false)] {
        for c in spec
            .peek(field)
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            let name = c.get("name").and_then(Value::as_str).unwrap_or_default();
            let restartable = c.get("restartPolicy").and_then(Value::as_str) == Some("Always");
            let role = match (init, restartable, roles.of(name)) {
                (true, false, _) => "init",
                (true, true, Some(r @ ("sidecar" | "ambassador" | "adapter"))) => r,
                (true, true, _) => "sidecar",
                (false, _, Some(r @ ("sidecar" | "ambassador" | "adapter"))) => r,
                (false, _, _) => continue,
            };
            expected.push(format!("{role}={name}"));
        }
    }
    if expected.join(",") != annotation {
        return Roles::default();
    }
    if let Some(Value::Object(mut annotations)) = metadata.take("annotations") {
        annotations.remove(ROLES_ANNOTATION);
        if !annotations.is_empty() {
            metadata.put("annotations", Value::Object(annotations));
        }
    }
    roles
}

fn pod_spec(mut spec: Fields, roles: &Roles, chain: &mut Chain, cx: &mut Cx) {
    containers(&mut spec, roles, chain, cx);
    list(
        &mut spec,
        "volumes",
        cx,
        |v, cx| Some(("volume", volume(v, cx))),
        chain,
    );
    if roles.annotate {
        chain.call("role_annotations", Vec::new());
    }
    if let Some(policy) = spec.enumeration::<RestartPolicy>("restartPolicy", "RestartPolicy") {
        chain.code("restart_policy", policy);
    }
    for (field, method) in [
        ("serviceAccountName", "service_account_name"),
        ("priorityClassName", "priority_class_name"),
        ("runtimeClassName", "runtime_class_name"),
        ("schedulerName", "scheduler_name"),
        ("hostname", "hostname"),
        ("subdomain", "subdomain"),
    ] {
        if let Some(value) = spec.str(field) {
            chain.text(method, &value);
        }
    }
    if let Some(priority) = spec.i32("priority") {
        chain.code("priority", priority.to_string());
    }
    for (key, value) in spec.string_map("nodeSelector").unwrap_or_default() {
        chain.pair("node_selector", &key, &value);
    }
    list(&mut spec, "tolerations", cx, toleration, chain);
    if let Some(affinity) = spec.peek("affinity").cloned() {
        if let Some(fields) = spec.obj("affinity") {
            let mark = cx.mark();
            match super::scheduling::affinity(fields, cx) {
                Some(code) => chain.chain("affinity", code),
                None => {
                    cx.rollback(mark);
                    spec.put("affinity", affinity);
                }
            }
        }
    }
    for (field, method) in [
        ("terminationGracePeriodSeconds", "termination_grace_period"),
        ("activeDeadlineSeconds", "active_deadline"),
    ] {
        if let Some(duration) = spec.seconds(field) {
            chain.code(method, duration);
        }
    }
    if let Some(context) = spec.obj("securityContext") {
        chain.chain("security_context", pod_security_context(context, cx));
    }
    list(
        &mut spec,
        "imagePullSecrets",
        cx,
        |mut s, cx| {
            let name = s.str("name")?;
            s.finish(cx);
            let mut call = Chain::new("");
            call.text("image_pull_secret", &name);
            Some(("__inline", call))
        },
        chain,
    );
    if let Some(policy) = spec.enumeration::<DnsPolicy>("dnsPolicy", "DnsPolicy") {
        chain.code("dns_policy", policy);
    }
    if let Some(config) = spec.obj("dnsConfig") {
        chain.chain("dns_config", dns_config(config, cx));
    }
    for (field, method) in [
        (
            "automountServiceAccountToken",
            "automount_service_account_token",
        ),
        ("hostNetwork", "host_network"),
        ("shareProcessNamespace", "share_process_namespace"),
        ("setHostnameAsFQDN", "set_hostname_as_fqdn"),
        ("enableServiceLinks", "enable_service_links"),
        ("hostPID", "host_pid"),
        ("hostIPC", "host_ipc"),
    ] {
        if let Some(yes) = spec.bool(field) {
            chain.code(method, yes.to_string());
        }
    }
    placement(&mut spec, chain, cx);
    spec.finish(cx);
}

/// The OS, host aliases, topology spread, gates and pod-level resources.
fn placement(spec: &mut Fields, chain: &mut Chain, cx: &mut Cx) {
    let os = spec
        .peek("os")
        .and_then(Value::as_object)
        .filter(|os| os.len() == 1)
        .and_then(|os| os.get("name"))
        .and_then(Value::as_str)
        .and_then(|name| super::fields::enum_code::<OsName>(name, "OsName"));
    if let Some(os) = os {
        spec.take("os");
        chain.code("os", os);
    }
    list(spec, "hostAliases", cx, host_alias, chain);
    list(
        spec,
        "topologySpreadConstraints",
        cx,
        topology_spread,
        chain,
    );
    list(
        spec,
        "schedulingGates",
        cx,
        |mut g, cx| {
            let name = g.str("name")?;
            g.finish(cx);
            let mut call = Chain::new("");
            call.text("scheduling_gate", &name);
            Some(("__inline", call))
        },
        chain,
    );
    list(
        spec,
        "readinessGates",
        cx,
        |mut g, cx| {
            let condition = g.str("conditionType")?;
            g.finish(cx);
            let mut call = Chain::new("");
            call.text("readiness_gate", &condition);
            Some(("__inline", call))
        },
        chain,
    );
    if let Some(mut resources) = spec.obj("resources") {
        for (field, method) in [("requests", "request"), ("limits", "limit")] {
            for (name, quantity) in resources.string_map(field).unwrap_or_default() {
                chain.pair(method, &name, &quantity);
            }
        }
        resources.finish(cx);
    }
}

fn host_alias(mut a: Fields, cx: &mut Cx) -> Option<(&'static str, Chain)> {
    let ip = a.peek("ip").and_then(Value::as_str)?.to_owned();
    // `hostnames: []` would be written as no host names.
    let hostnames = match a.peek("hostnames") {
        None => Vec::new(),
        Some(_) => a.strings("hostnames")?,
    };
    a.take("ip");
    a.finish(cx);
    Some((
        "host_alias",
        Chain::new(format!(
            "HostAlias::new({}, {})",
            str_lit(&ip),
            super::fields::str_array(&hostnames)
        )),
    ))
}

fn topology_spread(mut t: Fields, cx: &mut Cx) -> Option<(&'static str, Chain)> {
    let skew = t.peek("maxSkew").and_then(Value::as_i64)?;
    let skew = i32::try_from(skew).ok()?;
    let key = t.peek("topologyKey").and_then(Value::as_str)?.to_owned();
    let when = t
        .peek("whenUnsatisfiable")
        .and_then(Value::as_str)
        .and_then(|w| super::fields::enum_code::<WhenUnsatisfiable>(w, "WhenUnsatisfiable"))?;
    // Only `matchLabels` (or an empty selector) is written by the builder.
    let selector = match t.peek("labelSelector") {
        None => None,
        Some(Value::Object(s)) if s.keys().all(|k| k == "matchLabels") => {
            let labels: Option<Vec<(String, String)>> = match s.get("matchLabels") {
                None => Some(Vec::new()),
                Some(Value::Object(m)) if !m.is_empty() => m
                    .iter()
                    .map(|(k, v)| v.as_str().map(|v| (k.clone(), v.to_owned())))
                    .collect(),
                Some(_) => None,
            };
            Some(labels?)
        }
        Some(_) => return None,
    };
    t.take("maxSkew");
    t.take("topologyKey");
    t.take("whenUnsatisfiable");
    t.take("labelSelector");
    let mut chain = Chain::new(format!(
        "TopologySpread::new({}, {skew}, {when})",
        str_lit(&key)
    ));
    match selector {
        Some(labels) if labels.is_empty() => chain.call("all_pods", Vec::new()),
        Some(labels) => {
            for (k, v) in labels {
                chain.pair("label", &k, &v);
            }
        }
        None => {}
    }
    for key in t.strings("matchLabelKeys").unwrap_or_default() {
        chain.text("match_label_key", &key);
    }
    if let Some(min) = t.i32("minDomains") {
        chain.code("min_domains", min.to_string());
    }
    for (field, method) in [
        ("nodeAffinityPolicy", "node_affinity_policy"),
        ("nodeTaintsPolicy", "node_taints_policy"),
    ] {
        if let Some(policy) = t.enumeration::<NodeInclusionPolicy>(field, "NodeInclusionPolicy") {
            chain.code(method, policy);
        }
    }
    t.finish(cx);
    Some(("topology_spread", chain))
}

/// Init containers (plain, or native sidecars when restartable) then app containers.
fn containers(spec: &mut Fields, roles: &Roles, chain: &mut Chain, cx: &mut Cx) {
    for (field, init) in [("initContainers", true), ("containers", false)] {
        let Some(items) = spec.list(field) else {
            continue;
        };
        let path = spec.at(field);
        for (i, item) in items.into_iter().enumerate() {
            let Some(mut c) = Fields::of(item, path.index(i)) else {
                continue;
            };
            let name = c
                .peek("name")
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_owned();
            let method = if init {
                let restartable = c.peek("restartPolicy").and_then(Value::as_str) == Some("Always");
                if restartable {
                    c.take("restartPolicy");
                    match roles.of(&name) {
                        Some("ambassador") => "ambassador",
                        Some("adapter") => "adapter",
                        _ => "sidecar",
                    }
                } else {
                    "init_container"
                }
            } else {
                match roles.of(&name) {
                    Some("sidecar") => "classic_sidecar",
                    Some("ambassador") => "classic_ambassador",
                    Some("adapter") => "classic_adapter",
                    _ => "container",
                }
            };
            cx.roles.push((path.index(i), method));
            chain.chain(method, container(c, cx));
        }
    }
}

fn toleration(mut t: Fields, cx: &mut Cx) -> Option<(&'static str, Chain)> {
    let operator = t.peek("operator").and_then(Value::as_str)?.to_owned();
    let key = t.peek("key").and_then(Value::as_str).map(str::to_owned);
    let mut chain = match (operator.as_str(), key) {
        ("Equal", Some(key)) => {
            let value = t.str("value")?;
            Chain::new(format!(
                "Toleration::equal({}, {})",
                str_lit(&key),
                str_lit(&value)
            ))
        }
        ("Exists", Some(key)) if !key.is_empty() && !t.has("value") => {
            Chain::new(format!("Toleration::exists({})", str_lit(&key)))
        }
        ("Exists", None) if !t.has("value") => Chain::new("Toleration::everything()"),
        _ => return None,
    };
    t.take("operator");
    t.take("key");
    if let Some(effect) = t.enumeration::<TaintEffect>("effect", "TaintEffect") {
        chain.code("effect", effect);
    }
    if let Some(duration) = t.seconds("tolerationSeconds") {
        chain.code("for_duration", duration);
    }
    t.finish(cx);
    Some(("toleration", chain))
}

fn pod_security_context(mut s: Fields, cx: &mut Cx) -> Chain {
    let mut chain = Chain::new("PodSecurityContext::new()");
    for (field, method) in [
        ("runAsUser", "run_as_user"),
        ("runAsGroup", "run_as_group"),
        ("fsGroup", "fs_group"),
    ] {
        if let Some(id) = s.peek(field).and_then(Value::as_i64) {
            s.take(field);
            chain.code(method, id.to_string());
        }
    }
    if let Some(yes) = s.bool("runAsNonRoot") {
        chain.code("run_as_non_root", yes.to_string());
    }
    if let Some(policy) = s
        .peek("fsGroupChangePolicy")
        .and_then(Value::as_str)
        .and_then(|p| FsGroupChangePolicy::ALL.iter().find(|v| v.as_str() == p))
    {
        s.take("fsGroupChangePolicy");
        chain.code(
            "fs_group_change_policy",
            format!("FsGroupChangePolicy::{policy:?}"),
        );
    }
    let groups = s
        .peek("supplementalGroups")
        .and_then(Value::as_array)
        .and_then(|g| {
            (!g.is_empty()).then_some(())?;
            g.iter().map(Value::as_i64).collect::<Option<Vec<i64>>>()
        });
    if let Some(groups) = groups {
        s.take("supplementalGroups");
        for gid in groups {
            chain.code("supplemental_group", gid.to_string());
        }
    }
    if let Some(seccomp) = s.obj("seccompProfile") {
        seccomp_profile(seccomp, &mut chain, cx);
    }
    let sysctls = s
        .peek("sysctls")
        .and_then(Value::as_array)
        .and_then(|list| {
            (!list.is_empty()).then_some(())?;
            list.iter()
                .map(|item| {
                    let map = item.as_object().filter(|m| m.len() == 2)?;
                    Some((
                        map.get("name")?.as_str()?.to_owned(),
                        map.get("value")?.as_str()?.to_owned(),
                    ))
                })
                .collect::<Option<Vec<_>>>()
        });
    if let Some(sysctls) = sysctls {
        s.take("sysctls");
        for (name, value) in sysctls {
            chain.pair("sysctl", &name, &value);
        }
    }
    s.finish(cx);
    chain
}

fn dns_config(mut d: Fields, cx: &mut Cx) -> Chain {
    let mut chain = Chain::new("DnsConfig::new()");
    for ip in d.strings("nameservers").unwrap_or_default() {
        chain.text("nameserver", &ip);
    }
    for domain in d.strings("searches").unwrap_or_default() {
        chain.text("search", &domain);
    }
    if let Some(options) = d.list("options") {
        let simple: Option<Vec<(String, Option<String>)>> = options
            .iter()
            .map(|o| {
                let map = o.as_object()?;
                let name = map.get("name")?.as_str()?.to_owned();
                let value = match map.get("value") {
                    Some(v) => Some(v.as_str()?.to_owned()),
                    None => None,
                };
                (map.len() == 1 + usize::from(value.is_some())).then_some((name, value))
            })
            .collect();
        match simple {
            Some(options) => {
                for (name, value) in options {
                    match value {
                        Some(value) => chain.pair("option", &name, &value),
                        None => chain.text("flag", &name),
                    }
                }
            }
            None => d.put("options", Value::Array(options)),
        }
    }
    d.finish(cx);
    chain
}
