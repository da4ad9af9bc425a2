//! The kinds the import writes builder code for, and their k8s-openapi types: used to check
//! a document's field types and to bring a manifest to the form k8s-openapi writes.

use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::Value;

use k8s_openapi::api::apps::v1 as apps;
use k8s_openapi::api::autoscaling::v2 as autoscaling;
use k8s_openapi::api::batch::v1 as batch;
use k8s_openapi::api::core::v1 as core;
use k8s_openapi::api::policy::v1 as policy;
use k8s_openapi::api::scheduling::v1 as scheduling;

/// A kind with builder support.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// `v1` Pod.
    Pod,
    /// `batch/v1` Job.
    Job,
    /// `batch/v1` CronJob.
    CronJob,
    /// `apps/v1` Deployment.
    Deployment,
    /// `apps/v1` StatefulSet.
    StatefulSet,
    /// `apps/v1` DaemonSet.
    DaemonSet,
    /// `v1` Service.
    Service,
    /// `v1` ConfigMap.
    ConfigMap,
    /// `v1` Secret.
    Secret,
    /// `scheduling.k8s.io/v1` PriorityClass.
    PriorityClass,
    /// `policy/v1` PodDisruptionBudget.
    PodDisruptionBudget,
    /// `autoscaling/v2` HorizontalPodAutoscaler.
    HorizontalPodAutoscaler,
}

/// Calls `$body` with `$ty` bound to the k8s-openapi type of `$kind`.
macro_rules! with_type {
    ($kind:expr, $ty:ident => $body:expr) => {
        match $kind {
            Kind::Pod => {
                type $ty = core::Pod;
                $body
            }
            Kind::Job => {
                type $ty = batch::Job;
                $body
            }
            Kind::CronJob => {
                type $ty = batch::CronJob;
                $body
            }
            Kind::Deployment => {
                type $ty = apps::Deployment;
                $body
            }
            Kind::StatefulSet => {
                type $ty = apps::StatefulSet;
                $body
            }
            Kind::DaemonSet => {
                type $ty = apps::DaemonSet;
                $body
            }
            Kind::Service => {
                type $ty = core::Service;
                $body
            }
            Kind::ConfigMap => {
                type $ty = core::ConfigMap;
                $body
            }
            Kind::Secret => {
                type $ty = core::Secret;
                $body
            }
            Kind::PriorityClass => {
                type $ty = scheduling::PriorityClass;
                $body
            }
            Kind::PodDisruptionBudget => {
                type $ty = policy::PodDisruptionBudget;
                $body
            }
            Kind::HorizontalPodAutoscaler => {
                type $ty = autoscaling::HorizontalPodAutoscaler;
                $body
            }
        }
    };
}

const ALL: [(Kind, &str, &str); 12] = [
    (Kind::Pod, "v1", "Pod"),
    (Kind::Job, "batch/v1", "Job"),
    (Kind::CronJob, "batch/v1", "CronJob"),
    (Kind::Deployment, "apps/v1", "Deployment"),
    (Kind::StatefulSet, "apps/v1", "StatefulSet"),
    (Kind::DaemonSet, "apps/v1", "DaemonSet"),
    (Kind::Service, "v1", "Service"),
    (Kind::ConfigMap, "v1", "ConfigMap"),
    (Kind::Secret, "v1", "Secret"),
    (Kind::PriorityClass, "scheduling.k8s.io/v1", "PriorityClass"),
    (
        Kind::PodDisruptionBudget,
        "policy/v1",
        "PodDisruptionBudget",
    ),
    (
        Kind::HorizontalPodAutoscaler,
        "autoscaling/v2",
        "HorizontalPodAutoscaler",
    ),
];

impl Kind {
    /// The kind of an object with this `apiVersion` and `kind`, if the builders support it.
    pub fn of(api_version: &str, kind: &str) -> Option<Kind> {
        ALL.iter()
            .find(|(_, v, k)| *v == api_version && *k == kind)
            .map(|(kind, _, _)| *kind)
    }

    /// The kind's name (`Deployment`).
    pub fn name(self) -> &'static str {
        ALL.iter()
            .find(|(k, _, _)| *k == self)
            .map_or("", |(_, _, name)| name)
    }

    /// Checks the field types of a document against the k8s-openapi type (with the line of
    /// the first wrong field).
    pub(crate) fn check_yaml(
        self,
        document: serde_yaml::Deserializer<'_>,
    ) -> Result<(), serde_yaml::Error> {
        with_type!(self, T => check_yaml::<T>(document))
    }

    /// The object as k8s-openapi writes it, or the error of reading it into its type.
    pub fn typed(self, value: &Value) -> Result<Value, serde_json::Error> {
        with_type!(self, T => typed::<T>(value))
    }
}

fn check_yaml<T: DeserializeOwned>(
    document: serde_yaml::Deserializer<'_>,
) -> Result<(), serde_yaml::Error> {
    T::deserialize(document).map(drop)
}

fn typed<T: DeserializeOwned + Serialize>(value: &Value) -> Result<Value, serde_json::Error> {
    let object: T = serde_json::from_value(value.clone())?;
    serde_json::to_value(object)
}

/// The fields of `original` that `typed` does not have (fields k8s-openapi does not know),
/// as `(path, value)`.
pub(crate) fn unknown_fields(original: &Value, typed: &Value) -> Vec<(String, Value)> {
    let mut out = Vec::new();
    walk_unknown(original, typed, String::new(), &mut out);
    out
}

fn walk_unknown(original: &Value, typed: &Value, path: String, out: &mut Vec<(String, Value)>) {
    match (original, typed) {
        (Value::Object(a), Value::Object(b)) => {
            for (key, value) in a {
                let here = if path.is_empty() {
                    key.clone()
                } else {
                    format!("{path}.{key}")
                };
                match b.get(key) {
                    Some(t) => walk_unknown(value, t, here, out),
                    None => out.push((here, value.clone())),
                }
            }
        }
        (Value::Array(a), Value::Array(b)) => {
            for (i, (value, t)) in a.iter().zip(b).enumerate() {
                walk_unknown(value, t, format!("{path}[{i}]"), out);
            }
        }
        _ => {}
    }
}

/// `value` without `null` fields (YAML `key:` with nothing after it means "not set").
pub fn without_nulls(value: &Value) -> Value {
    match value {
        Value::Object(map) => Value::Object(
            map.iter()
                .filter(|(_, v)| !v.is_null())
                .map(|(k, v)| (k.clone(), without_nulls(v)))
                .collect(),
        ),
        Value::Array(items) => Value::Array(items.iter().map(without_nulls).collect()),
        other => other.clone(),
    }
}

/// The form two manifests are compared in: the object as k8s-openapi writes it when its
/// kind is supported and k8s-openapi keeps every field, else the object without nulls.
pub fn canonical(value: &Value) -> Value {
    let value = without_nulls(value);
    let kind = value
        .get("apiVersion")
        .and_then(Value::as_str)
        .zip(value.get("kind").and_then(Value::as_str))
        .and_then(|(v, k)| Kind::of(v, k));
    match kind.map(|k| k.typed(&value)) {
        Some(Ok(typed)) if unknown_fields(&value, &typed).is_empty() => typed,
        _ => value,
    }
}
