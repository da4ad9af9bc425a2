//! ResourceQuota, LimitRange and ReplicaSet.

use serde_json::Value;

use super::fields::{Chain, Cx, Fields};
use super::meta;
use crate::rust::str_lit;

/// A quota scope as a `QuotaScope` expression.
fn scope(text: &str) -> Option<&'static str> {
    Some(match text {
        "Terminating" => "QuotaScope::Terminating",
        "NotTerminating" => "QuotaScope::NotTerminating",
        "BestEffort" => "QuotaScope::BestEffort",
        "NotBestEffort" => "QuotaScope::NotBestEffort",
        "PriorityClass" => "QuotaScope::PriorityClass",
        "CrossNamespacePodAffinity" => "QuotaScope::CrossNamespacePodAffinity",
        "VolumeAttributesClass" => "QuotaScope::VolumeAttributesClass",
        _ => return None,
    })
}

/// `ResourceQuota::new(name)...`.
pub(crate) fn resource_quota(
    name: &str,
    mut metadata: Fields,
    object: &mut Fields,
    cx: &mut Cx,
) -> Chain {
    let mut chain = Chain::new(format!("ResourceQuota::new({})", str_lit(name)));
    meta::meta(&mut metadata, &mut chain, true);
    metadata.finish(cx);
    let Some(mut spec) = object.obj("spec") else {
        return chain;
    };
    for (resource, value) in spec.string_map("hard").unwrap_or_default() {
        chain.pair("hard", &resource, &value);
    }
    let scopes = spec
        .peek("scopes")
        .and_then(Value::as_array)
        .and_then(|list| {
            let codes: Option<Vec<&str>> =
                list.iter().map(|s| s.as_str().and_then(scope)).collect();
            codes.filter(|c| {
                !c.is_empty()
                    && c.iter()
                        .enumerate()
                        .all(|(i, s)| !c.iter().take(i).any(|t| t == s))
            })
        });
    if let Some(codes) = scopes {
        spec.take("scopes");
        for code in codes {
            chain.code("scope", code);
        }
    }
    let classes = spec
        .peek("scopeSelector")
        .and_then(|s| s.as_object().filter(|m| m.len() == 1))
        .and_then(|s| s.get("matchExpressions"))
        .and_then(Value::as_array)
        .filter(|e| e.len() == 1)
        .and_then(|e| e.first())
        .and_then(Value::as_object)
        .filter(|e| {
            e.len() == 3
                && e.get("scopeName").and_then(Value::as_str) == Some("PriorityClass")
                && e.get("operator").and_then(Value::as_str) == Some("In")
        })
        .and_then(|e| e.get("values"))
        .and_then(Value::as_array)
        .and_then(|v| {
            v.iter()
                .map(|s| s.as_str().map(str_lit))
                .collect::<Option<Vec<_>>>()
        });
    if let Some(classes) = classes {
        spec.take("scopeSelector");
        chain.code("priority_classes", format!("[{}]", classes.join(", ")));
    }
    spec.finish(cx);
    chain
}

/// One item of a LimitRange: `Limits::container()...`.
fn limits(mut item: Fields, cx: &mut Cx) -> Option<(&'static str, Chain)> {
    let head = match item.peek("type").and_then(Value::as_str)? {
        "Container" => "Limits::container()",
        "Pod" => "Limits::pod()",
        "PersistentVolumeClaim" => "Limits::claim()",
        _ => return None,
    };
    item.take("type");
    let mut chain = Chain::new(head);
    for (field, method) in [
        ("min", "min"),
        ("max", "max"),
        ("default", "default"),
        ("defaultRequest", "default_request"),
        ("maxLimitRequestRatio", "max_ratio"),
    ] {
        for (resource, value) in item.string_map(field).unwrap_or_default() {
            chain.pair(method, &resource, &value);
        }
    }
    item.finish(cx);
    Some(("limit", chain))
}

/// `LimitRange::new(name)...`.
pub(crate) fn limit_range(
    name: &str,
    mut metadata: Fields,
    object: &mut Fields,
    cx: &mut Cx,
) -> Chain {
    let mut chain = Chain::new(format!("LimitRange::new({})", str_lit(name)));
    meta::meta(&mut metadata, &mut chain, true);
    metadata.finish(cx);
    let Some(mut spec) = object.obj("spec") else {
        return chain;
    };
    super::container::list(&mut spec, "limits", cx, limits, &mut chain);
    spec.finish(cx);
    chain
}

/// `ReplicaSet::new(name)...`.
pub(crate) fn replica_set(
    name: &str,
    mut metadata: Fields,
    object: &mut Fields,
    cx: &mut Cx,
) -> Chain {
    let mut chain = Chain::new(format!("ReplicaSet::new({})", str_lit(name)));
    meta::meta(&mut metadata, &mut chain, true);
    metadata.finish(cx);
    let Some(mut spec) = object.obj("spec") else {
        return chain;
    };
    if let Some(n) = spec.i32("replicas") {
        chain.code("replicas", n.to_string());
    }
    if let Some(duration) = spec.seconds("minReadySeconds") {
        chain.code("min_ready", duration);
    }
    super::workload::template_and_selector(&mut spec, &mut chain, cx);
    spec.finish(cx);
    chain
}
