//! Workloads: Job, CronJob, Deployment, StatefulSet, DaemonSet, and label selectors.

use serde_json::Value;

use k8s_dsl::prelude::{
    AccessMode, CompletionMode, ConcurrencyPolicy, ConditionStatus, OnExitCodesOperator,
    PodFailurePolicyAction, PodManagementPolicy, PodReplacementPolicy,
};

use super::fields::{enum_code, int_or_string_code, Arg, Chain, Cx, Fields};
use super::meta;
use super::pod::template;
use crate::rust::str_lit;

/// `Job::new(name)...` (or `Job::generated(prefix)`, the `constructor`).
pub(crate) fn job(
    constructor: String,
    mut metadata: Fields,
    object: &mut Fields,
    cx: &mut Cx,
) -> Chain {
    let mut chain = Chain::new(constructor);
    meta::meta(&mut metadata, &mut chain, true);
    metadata.finish(cx);
    if let Some(spec) = object.obj("spec") {
        job_spec(spec, &mut chain, cx);
    }
    chain
}

/// `CronJob::new(name, schedule)...` with its job as `Job::unnamed()...`.
pub(crate) fn cronjob(name: &str, mut metadata: Fields, object: &mut Fields, cx: &mut Cx) -> Chain {
    let mut spec = object.obj("spec");
    let schedule = spec
        .as_mut()
        .and_then(|s| s.str("schedule"))
        .unwrap_or_default();
    let mut chain = Chain::new(format!(
        "CronJob::new({}, {})",
        str_lit(name),
        str_lit(&schedule)
    ));
    meta::meta(&mut metadata, &mut chain, true);
    metadata.finish(cx);
    let Some(mut spec) = spec else {
        return chain;
    };
    if let Some(zone) = spec.str("timeZone") {
        chain.text("time_zone", &zone);
    }
    if let Some(policy) =
        spec.enumeration::<ConcurrencyPolicy>("concurrencyPolicy", "ConcurrencyPolicy")
    {
        chain.code("concurrency_policy", policy);
    }
    if let Some(deadline) = spec.seconds("startingDeadlineSeconds") {
        chain.code("starting_deadline", deadline);
    }
    if let Some(suspend) = spec.bool("suspend") {
        chain.code("suspend", suspend.to_string());
    }
    for (field, method) in [
        (
            "successfulJobsHistoryLimit",
            "successful_jobs_history_limit",
        ),
        ("failedJobsHistoryLimit", "failed_jobs_history_limit"),
    ] {
        if let Some(n) = spec.i32(field) {
            chain.code(method, n.to_string());
        }
    }
    if let Some(mut job_template) = spec.obj("jobTemplate") {
        let mut job = Chain::new("Job::unnamed()");
        let empty_metadata = job_template
            .peek("metadata")
            .and_then(Value::as_object)
            .is_some_and(serde_json::Map::is_empty);
        if !empty_metadata {
            if let Some(mut metadata) = job_template.obj("metadata") {
                meta::labels_and_annotations(&mut metadata, &mut job);
                metadata.finish(cx);
            }
        }
        if let Some(job_spec) = job_template.obj("spec") {
            self::job_spec(job_spec, &mut job, cx);
        }
        job_template.finish(cx);
        chain.chain("job", job);
    }
    spec.finish(cx);
    chain
}

fn job_spec(mut spec: Fields, chain: &mut Chain, cx: &mut Cx) {
    let mut pod = None;
    if let Some(t) = spec.obj("template") {
        let (code, restart) = template(t, true, cx);
        if let Some(restart) = restart {
            chain.code("restart_policy", restart);
        }
        pod = Some(code);
    }
    for (field, method) in [
        ("completions", "completions"),
        ("parallelism", "parallelism"),
        ("backoffLimit", "backoff_limit"),
        ("backoffLimitPerIndex", "backoff_limit_per_index"),
        ("maxFailedIndexes", "max_failed_indexes"),
    ] {
        if let Some(n) = spec.i32(field) {
            chain.code(method, n.to_string());
        }
    }
    if let Some(mode) = spec.enumeration::<CompletionMode>("completionMode", "CompletionMode") {
        chain.code("completion_mode", mode);
    }
    for (field, method) in [
        ("activeDeadlineSeconds", "active_deadline"),
        ("ttlSecondsAfterFinished", "ttl_after_finished"),
    ] {
        if let Some(duration) = spec.seconds(field) {
            chain.code(method, duration);
        }
    }
    if let Some(rules) = spec.peek("podFailurePolicy").and_then(failure_rules) {
        spec.take("podFailurePolicy");
        for rule in rules {
            chain.chain("pod_failure_rule", rule);
        }
    }
    if let Some(rules) = spec.peek("successPolicy").and_then(success_rules) {
        spec.take("successPolicy");
        for rule in rules {
            chain.chain("success_rule", rule);
        }
    }
    let replacement = spec
        .peek("podReplacementPolicy")
        .and_then(Value::as_str)
        .and_then(|p| {
            [
                PodReplacementPolicy::TerminatingOrFailed,
                PodReplacementPolicy::Failed,
            ]
            .into_iter()
            .find(|v| v.as_str() == p)
        });
    if let Some(policy) = replacement {
        spec.take("podReplacementPolicy");
        chain.code(
            "pod_replacement_policy",
            format!("PodReplacementPolicy::{policy:?}"),
        );
    }
    if spec.peek("manualSelector") == Some(&Value::Bool(true)) {
        if let Some(selector) = spec.peek("selector").and_then(selector) {
            spec.take("manualSelector");
            spec.take("selector");
            chain.chain("manual_selector", selector);
        }
    }
    if let Some(suspend) = spec.bool("suspend") {
        chain.code("suspend", suspend.to_string());
    }
    if let Some(manager) = spec.str("managedBy") {
        chain.text("managed_by", &manager);
    }
    if let Some(pod) = pod {
        chain.chain("template", pod);
    }
    spec.finish(cx);
}

fn failure_rules(policy: &Value) -> Option<Vec<Chain>> {
    let policy = policy.as_object().filter(|p| p.len() == 1)?;
    let rules = policy.get("rules")?.as_array()?;
    rules
        .iter()
        .map(|rule| {
            let rule = rule.as_object()?;
            let action = rule.get("action")?.as_str()?;
            let mut chain = Chain::new(match action {
                "FailJob" => "PodFailureRule::fail_job()".to_owned(),
                "FailIndex" => "PodFailureRule::fail_index()".to_owned(),
                "Ignore" => "PodFailureRule::ignore()".to_owned(),
                "Count" => "PodFailureRule::count()".to_owned(),
                other => format!(
                    "PodFailureRule::new({})",
                    enum_code::<PodFailurePolicyAction>(other, "PodFailurePolicyAction")?
                ),
            });
            let mut known = 1;
            if let Some(codes) = rule.get("onExitCodes") {
                let codes = codes.as_object()?;
                let operator = enum_code::<OnExitCodesOperator>(
                    codes.get("operator")?.as_str()?,
                    "OnExitCodesOperator",
                )?;
                let values: Vec<String> = codes
                    .get("values")?
                    .as_array()?
                    .iter()
                    .map(|v| {
                        v.as_i64()
                            .and_then(|n| i32::try_from(n).ok())
                            .map(|n| n.to_string())
                    })
                    .collect::<Option<_>>()?;
                chain.call(
                    "on_exit_codes",
                    vec![
                        Arg::Code(operator),
                        Arg::Code(format!("[{}]", values.join(", "))),
                    ],
                );
                let mut fields = 2;
                if let Some(container) = codes.get("containerName") {
                    chain.text("container", container.as_str()?);
                    fields += 1;
                }
                (codes.len() == fields).then_some(())?;
                known += 1;
            }
            if let Some(conditions) = rule.get("onPodConditions") {
                for condition in conditions.as_array()? {
                    let condition = condition.as_object().filter(|c| c.len() == 2)?;
                    let status = enum_code::<ConditionStatus>(
                        condition.get("status")?.as_str()?,
                        "ConditionStatus",
                    )?;
                    chain.call(
                        "on_pod_condition",
                        vec![
                            Arg::Code(str_lit(condition.get("type")?.as_str()?)),
                            Arg::Code(status),
                        ],
                    );
                }
                known += 1;
            }
            (rule.len() == known).then_some(chain)
        })
        .collect()
}

fn success_rules(policy: &Value) -> Option<Vec<Chain>> {
    let policy = policy.as_object().filter(|p| p.len() == 1)?;
    let rules = policy.get("rules")?.as_array()?;
    rules
        .iter()
        .map(|rule| {
            let rule = rule.as_object()?;
            let mut chain = Chain::new("SuccessRule::new()");
            for (key, value) in rule {
                match key.as_str() {
                    "succeededIndexes" => chain.text("succeeded_indexes", value.as_str()?),
                    "succeededCount" => chain.code("succeeded_count", value.as_i64()?.to_string()),
                    _ => return None,
                }
            }
            Some(chain)
        })
        .collect()
}

/// `Selector::new()...` for a label selector, if every part has a builder form.
pub(crate) fn selector(value: &Value) -> Option<Chain> {
    let map = value.as_object()?;
    let mut chain = Chain::new("Selector::new()");
    for (key, part) in map {
        match key.as_str() {
            "matchLabels" => {
                for (k, v) in part.as_object().filter(|m| !m.is_empty())? {
                    chain.pair("label", k, v.as_str()?);
                }
            }
            "matchExpressions" => {
                for expression in part.as_array().filter(|e| !e.is_empty())? {
                    let e = expression.as_object()?;
                    let key = e.get("key")?.as_str()?;
                    let operator = e.get("operator")?.as_str()?;
                    let values: Option<Vec<String>> = e.get("values").map(|v| {
                        v.as_array()
                            .map(|a| a.iter().filter_map(|s| s.as_str().map(str_lit)).collect())
                            .unwrap_or_default()
                    });
                    let count = e
                        .get("values")
                        .and_then(Value::as_array)
                        .map_or(0, Vec::len);
                    if values.as_ref().map_or(0, Vec::len) != count {
                        return None;
                    }
                    match (operator, values) {
                        ("In" | "NotIn", Some(values)) if !values.is_empty() => {
                            let method = if operator == "In" {
                                "key_in"
                            } else {
                                "key_not_in"
                            };
                            chain.call(
                                method,
                                vec![
                                    Arg::Code(str_lit(key)),
                                    Arg::Code(format!("[{}]", values.join(", "))),
                                ],
                            );
                        }
                        ("Exists", None) => chain.text("exists", key),
                        ("DoesNotExist", None) => chain.text("does_not_exist", key),
                        _ => return None,
                    }
                    (e.len() == 2 + usize::from(e.contains_key("values"))).then_some(())?;
                }
            }
            _ => return None,
        }
    }
    (!chain.is_bare()).then_some(chain)
}

/// Template, and the selector unless it is the one the builder derives from the labels.
pub(crate) fn template_and_selector(spec: &mut Fields, chain: &mut Chain, cx: &mut Cx) {
    let labels = spec
        .peek("template")
        .and_then(|t| t.pointer("/metadata/labels"))
        .cloned();
    let derived = match (&labels, spec.peek("selector")) {
        (Some(labels), Some(selector)) => {
            selector.as_object().is_some_and(|s| s.len() == 1)
                && selector.get("matchLabels") == Some(labels)
        }
        _ => false,
    };
    if derived {
        spec.take("selector");
    } else if let Some(code) = spec.peek("selector").and_then(selector) {
        spec.take("selector");
        chain.chain("selector", code);
    }
    if let Some(t) = spec.obj("template") {
        let (code, _) = template(t, false, cx);
        chain.chain("template", code);
    }
}

/// `Deployment::new(name)...`.
pub(crate) fn deployment(
    name: &str,
    mut metadata: Fields,
    object: &mut Fields,
    cx: &mut Cx,
) -> Chain {
    let mut chain = Chain::new(format!("Deployment::new({})", str_lit(name)));
    meta::meta(&mut metadata, &mut chain, true);
    metadata.finish(cx);
    let Some(mut spec) = object.obj("spec") else {
        return chain;
    };
    if let Some(n) = spec.i32("replicas") {
        chain.code("replicas", n.to_string());
    }
    if let Some(strategy) = spec.peek("strategy").and_then(|s| {
        rolling(
            "DeploymentStrategy",
            s,
            &["maxSurge", "maxUnavailable"],
            "Recreate",
        )
    }) {
        spec.take("strategy");
        chain.call("strategy", vec![strategy]);
    }
    for (field, method) in [
        ("minReadySeconds", "min_ready"),
        ("progressDeadlineSeconds", "progress_deadline"),
    ] {
        if let Some(duration) = spec.seconds(field) {
            chain.code(method, duration);
        }
    }
    if let Some(n) = spec.i32("revisionHistoryLimit") {
        chain.code("revision_history_limit", n.to_string());
    }
    if let Some(paused) = spec.bool("paused") {
        chain.code("paused", paused.to_string());
    }
    template_and_selector(&mut spec, &mut chain, cx);
    spec.finish(cx);
    chain
}

/// A Deployment or DaemonSet strategy: `Ty::Recreate`/`Ty::OnDelete`, or
/// `Ty::rolling_update().max_surge(..)...`.
fn rolling(ty: &str, strategy: &Value, fields: &[&str], other: &str) -> Option<Arg> {
    let map = strategy.as_object()?;
    match map.get("type")?.as_str()? {
        t if t == other && map.len() == 1 => Some(Arg::Code(format!("{ty}::{other}"))),
        "RollingUpdate" => {
            let mut chain = Chain::new(format!("{ty}::rolling_update()"));
            if let Some(update) = map.get("rollingUpdate") {
                let update = update.as_object().filter(|u| !u.is_empty())?;
                for (key, value) in update {
                    fields.contains(&key.as_str()).then_some(())?;
                    let method = if key == "maxSurge" {
                        "max_surge"
                    } else {
                        "max_unavailable"
                    };
                    chain.code(method, int_or_string_code(value)?);
                }
            }
            (map.len() == 1 + usize::from(map.contains_key("rollingUpdate"))).then_some(())?;
            Some(Arg::Chain(chain))
        }
        _ => None,
    }
}

/// `StatefulSet::new(name)...`.
pub(crate) fn statefulset(
    name: &str,
    mut metadata: Fields,
    object: &mut Fields,
    cx: &mut Cx,
) -> Chain {
    let mut chain = Chain::new(format!("StatefulSet::new({})", str_lit(name)));
    meta::meta(&mut metadata, &mut chain, true);
    metadata.finish(cx);
    let Some(mut spec) = object.obj("spec") else {
        return chain;
    };
    if let Some(service) = spec.str("serviceName") {
        chain.text("service_name", &service);
    }
    if let Some(n) = spec.i32("replicas") {
        chain.code("replicas", n.to_string());
    }
    if let Some(policy) =
        spec.enumeration::<PodManagementPolicy>("podManagementPolicy", "PodManagementPolicy")
    {
        chain.code("pod_management_policy", policy);
    }
    if let Some(strategy) = spec.peek("updateStrategy").and_then(statefulset_strategy) {
        spec.take("updateStrategy");
        chain.code("update_strategy", strategy);
    }
    if let Some(duration) = spec.seconds("minReadySeconds") {
        chain.code("min_ready", duration);
    }
    if let Some(n) = spec.i32("revisionHistoryLimit") {
        chain.code("revision_history_limit", n.to_string());
    }
    if let Some(claims) = spec.list("volumeClaimTemplates") {
        let path = spec.at("volumeClaimTemplates");
        let mark = cx.mark();
        let mut calls = Vec::new();
        for (i, claim) in claims.iter().enumerate() {
            match Fields::of(claim.clone(), path.index(i)).and_then(|c| claim_template(c, cx)) {
                Some(call) => calls.push(call),
                None => {
                    calls.clear();
                    break;
                }
            }
        }
        if calls.len() == claims.len() {
            for call in calls {
                chain.chain("volume_claim", call);
            }
        } else {
            cx.rollback(mark);
            spec.put("volumeClaimTemplates", Value::Array(claims));
        }
    }
    template_and_selector(&mut spec, &mut chain, cx);
    spec.finish(cx);
    chain
}

fn statefulset_strategy(strategy: &Value) -> Option<String> {
    let map = strategy.as_object()?;
    match (map.get("type")?.as_str()?, map.get("rollingUpdate")) {
        ("OnDelete", None) if map.len() == 1 => Some("StatefulSetStrategy::OnDelete".to_owned()),
        ("RollingUpdate", None) if map.len() == 1 => {
            Some("StatefulSetStrategy::rolling_update()".to_owned())
        }
        ("RollingUpdate", Some(update)) if map.len() == 2 => {
            let update = update.as_object().filter(|u| u.len() == 1)?;
            let partition = i32::try_from(update.get("partition")?.as_i64()?).ok()?;
            Some(format!("StatefulSetStrategy::partitioned({partition})"))
        }
        _ => None,
    }
}

fn claim_template(mut claim: Fields, cx: &mut Cx) -> Option<Chain> {
    claim.take("apiVersion");
    claim.take("kind");
    let mut metadata = claim.obj("metadata")?;
    let name = metadata.str("name")?;
    let mut spec = claim.obj("spec")?;
    let mut resources = spec.obj("resources")?;
    let mut requests = resources.obj("requests")?;
    let storage = requests.quantity("storage")?;
    let modes = spec.strings("accessModes")?;
    let modes: Vec<String> = modes
        .iter()
        .map(|m| enum_code::<AccessMode>(m, "AccessMode"))
        .collect::<Option<_>>()?;
    let mut chain = Chain::new(format!("VolumeClaimTemplate::new({})", str_lit(&name)));
    for mode in modes {
        chain.code("access_mode", mode);
    }
    chain.code("storage", storage);
    if let Some(class) = spec.str("storageClassName") {
        chain.text("storage_class", &class);
    }
    requests.finish(cx);
    resources.finish(cx);
    spec.finish(cx);
    metadata.finish(cx);
    claim.finish(cx);
    Some(chain)
}

/// `DaemonSet::new(name)...`.
pub(crate) fn daemonset(
    name: &str,
    mut metadata: Fields,
    object: &mut Fields,
    cx: &mut Cx,
) -> Chain {
    let mut chain = Chain::new(format!("DaemonSet::new({})", str_lit(name)));
    meta::meta(&mut metadata, &mut chain, true);
    metadata.finish(cx);
    let Some(mut spec) = object.obj("spec") else {
        return chain;
    };
    if let Some(strategy) = spec.peek("updateStrategy").and_then(|s| {
        rolling(
            "DaemonSetStrategy",
            s,
            &["maxSurge", "maxUnavailable"],
            "OnDelete",
        )
    }) {
        spec.take("updateStrategy");
        chain.call("update_strategy", vec![strategy]);
    }
    if let Some(duration) = spec.seconds("minReadySeconds") {
        chain.code("min_ready", duration);
    }
    if let Some(n) = spec.i32("revisionHistoryLimit") {
        chain.code("revision_history_limit", n.to_string());
    }
    template_and_selector(&mut spec, &mut chain, cx);
    spec.finish(cx);
    chain
}
