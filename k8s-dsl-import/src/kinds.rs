//! The kinds the import writes builder code for, and their k8s-openapi types: used to check
//! a document's field types and to bring a manifest to the form k8s-openapi writes.
//!
//! ```
//! use k8s_dsl_import::kinds::{canonical, Kind};
//! use serde_json::json;
//!
//! assert_eq!(Kind::of("apps/v1", "Deployment"), Some(Kind::Deployment));
//!
//! // Two manifests that say the same thing compare equal in their canonical form.
//! let written = json!({"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "a", "labels": null}});
//! let read_back = json!({"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "a"}});
//! assert_eq!(canonical(&written), canonical(&read_back));
//! ```

use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::Value;

use k8s_openapi::api::apps::v1 as apps;
use k8s_openapi::api::autoscaling::v2 as autoscaling;
use k8s_openapi::api::batch::v1 as batch;
use k8s_openapi::api::core::v1 as core;
use k8s_openapi::api::networking::v1 as networking;
use k8s_openapi::api::policy::v1 as policy;
use k8s_openapi::api::rbac::v1 as rbac;
use k8s_openapi::api::scheduling::v1 as scheduling;
use k8s_openapi::api::storage::v1 as storage;

/// A kind with builder support.
///
/// ```
/// use k8s_dsl_import::kinds::Kind;
/// use serde_json::json;
///
/// // Found by `apiVersion` and `kind`: both must match.
/// let kind = Kind::of("batch/v1", "CronJob");
/// assert_eq!(kind, Some(Kind::CronJob));
/// assert_eq!(kind.map(Kind::name), Some("CronJob"));
/// assert_eq!(Kind::of("v1", "Deployment"), None);
/// assert_eq!(Kind::of("example.com/v1", "Widget"), None);
///
/// // `typed` reads the object into its k8s-openapi type and writes it back: times in
/// // k8s-openapi's form, ...
/// let pod = json!({
///     "apiVersion": "v1",
///     "kind": "Pod",
///     "metadata": {"name": "web", "creationTimestamp": "2024-01-01T00:00:00+00:00"},
/// });
/// let typed = Kind::Pod.typed(&pod)?;
/// assert_eq!(typed["metadata"]["creationTimestamp"], "2024-01-01T00:00:00Z");
///
/// // ... and a field of the wrong type is an error.
/// let mut wrong = pod.clone();
/// wrong["spec"] = json!({"containers": 3});
/// let error = Kind::Pod.typed(&wrong).err().map(|e| e.to_string());
/// assert_eq!(error.as_deref(), Some("invalid type: integer `3`, expected a sequence"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
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
    /// `apps/v1` ReplicaSet.
    ReplicaSet,
    /// `networking.k8s.io/v1` Ingress.
    Ingress,
    /// `networking.k8s.io/v1` IngressClass.
    IngressClass,
    /// `v1` PersistentVolumeClaim.
    PersistentVolumeClaim,
    /// `v1` PersistentVolume.
    PersistentVolume,
    /// `storage.k8s.io/v1` StorageClass.
    StorageClass,
    /// `v1` ResourceQuota.
    ResourceQuota,
    /// `v1` LimitRange.
    LimitRange,
    /// `v1` Namespace.
    Namespace,
    /// `v1` ServiceAccount.
    ServiceAccount,
    /// `rbac.authorization.k8s.io/v1` Role.
    Role,
    /// `rbac.authorization.k8s.io/v1` ClusterRole.
    ClusterRole,
    /// `rbac.authorization.k8s.io/v1` RoleBinding.
    RoleBinding,
    /// `rbac.authorization.k8s.io/v1` ClusterRoleBinding.
    ClusterRoleBinding,
    /// `networking.k8s.io/v1` NetworkPolicy.
    NetworkPolicy,
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
            Kind::ReplicaSet => {
                type $ty = apps::ReplicaSet;
                $body
            }
            Kind::Ingress => {
                type $ty = networking::Ingress;
                $body
            }
            Kind::IngressClass => {
                type $ty = networking::IngressClass;
                $body
            }
            Kind::PersistentVolumeClaim => {
                type $ty = core::PersistentVolumeClaim;
                $body
            }
            Kind::PersistentVolume => {
                type $ty = core::PersistentVolume;
                $body
            }
            Kind::StorageClass => {
                type $ty = storage::StorageClass;
                $body
            }
            Kind::ResourceQuota => {
                type $ty = core::ResourceQuota;
                $body
            }
            Kind::LimitRange => {
                type $ty = core::LimitRange;
                $body
            }
            Kind::Namespace => {
                type $ty = core::Namespace;
                $body
            }
            Kind::ServiceAccount => {
                type $ty = core::ServiceAccount;
                $body
            }
            Kind::Role => {
                type $ty = rbac::Role;
                $body
            }
            Kind::ClusterRole => {
                type $ty = rbac::ClusterRole;
                $body
            }
            Kind::RoleBinding => {
                type $ty = rbac::RoleBinding;
                $body
            }
            Kind::ClusterRoleBinding => {
                type $ty = rbac::ClusterRoleBinding;
                $body
            }
            Kind::NetworkPolicy => {
                type $ty = networking::NetworkPolicy;
                $body
            }
        }
    };
}

const ALL: [(Kind, &str, &str); 27] = [
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
    (Kind::ReplicaSet, "apps/v1", "ReplicaSet"),
    (Kind::Ingress, "networking.k8s.io/v1", "Ingress"),
    (Kind::IngressClass, "networking.k8s.io/v1", "IngressClass"),
    (Kind::PersistentVolumeClaim, "v1", "PersistentVolumeClaim"),
    (Kind::PersistentVolume, "v1", "PersistentVolume"),
    (Kind::StorageClass, "storage.k8s.io/v1", "StorageClass"),
    (Kind::ResourceQuota, "v1", "ResourceQuota"),
    (Kind::LimitRange, "v1", "LimitRange"),
    (Kind::Namespace, "v1", "Namespace"),
    (Kind::ServiceAccount, "v1", "ServiceAccount"),
    (Kind::Role, "rbac.authorization.k8s.io/v1", "Role"),
    (
        Kind::ClusterRole,
        "rbac.authorization.k8s.io/v1",
        "ClusterRole",
    ),
    (
        Kind::RoleBinding,
        "rbac.authorization.k8s.io/v1",
        "RoleBinding",
    ),
    (
        Kind::ClusterRoleBinding,
        "rbac.authorization.k8s.io/v1",
        "ClusterRoleBinding",
    ),
    (Kind::NetworkPolicy, "networking.k8s.io/v1", "NetworkPolicy"),
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
///
/// ```
/// use k8s_dsl_import::kinds::without_nulls;
/// use serde_json::json;
///
/// let value = json!({"metadata": {"name": "web", "labels": null}, "items": [{"a": null, "b": 1}, null]});
/// // Fields set to `null` go, at any depth; list items stay (a `null` item is not a field).
/// assert_eq!(
///     without_nulls(&value),
///     json!({"metadata": {"name": "web"}, "items": [{"b": 1}, null]})
/// );
/// ```
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
///
/// ```
/// use k8s_dsl_import::kinds::canonical;
/// use serde_json::json;
///
/// // A supported kind: as k8s-openapi writes it (here, the time in its `Z` form).
/// let config = json!({
///     "apiVersion": "v1",
///     "kind": "ConfigMap",
///     "metadata": {"name": "web", "creationTimestamp": "2024-01-01T00:00:00+00:00", "labels": null},
/// });
/// assert_eq!(
///     canonical(&config),
///     json!({
///         "apiVersion": "v1",
///         "kind": "ConfigMap",
///         "metadata": {"name": "web", "creationTimestamp": "2024-01-01T00:00:00Z"},
///     })
/// );
///
/// // A field k8s-openapi does not know would be lost: the object stays as written, without nulls.
/// let mut unknown = config.clone();
/// unknown["extra"] = json!(1);
/// let kept = canonical(&unknown);
/// assert_eq!(kept["extra"], 1);
/// assert_eq!(kept["metadata"]["creationTimestamp"], "2024-01-01T00:00:00+00:00");
/// assert!(kept["metadata"].get("labels").is_none());
///
/// // So does an object of a kind without builders.
/// let widget = json!({"apiVersion": "example.com/v1", "kind": "Widget", "spec": {"size": null}});
/// assert_eq!(canonical(&widget), json!({"apiVersion": "example.com/v1", "kind": "Widget", "spec": {}}));
/// ```
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
