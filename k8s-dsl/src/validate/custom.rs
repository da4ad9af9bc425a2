//! Objects held as JSON ([`CustomObject`]): a custom resource gets its metadata checked; one
//! whose `apiVersion` and `kind` name a built-in kind is converted to the typed object and
//! checked like it, and its fields that the kind does not have are errors (the API server's
//! strict field validation).

use k8s_openapi::api::apps::v1 as apps;
use k8s_openapi::api::autoscaling::v2 as autoscaling;
use k8s_openapi::api::batch::v1 as batch;
use k8s_openapi::api::core::v1 as core;
use k8s_openapi::api::networking::v1 as networking;
use k8s_openapi::api::policy::v1 as policy;
use k8s_openapi::api::rbac::v1 as rbac;
use k8s_openapi::api::scheduling::v1 as scheduling;
use k8s_openapi::api::storage::v1 as storage;
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::Value;

use super::{meta, At, Report};
use crate::bundle::Object;
use crate::custom::CustomObject;

/// Every error and warning of an object held as JSON; see the module docs.
///
/// ```
/// use k8s_dsl::prelude::*;
///
/// // A Pod written as a custom resource is checked as a Pod, unknown fields included.
/// let pod = CustomResource::new("v1", "Pod", "web")
///     .field("spec", serde_json::json!({
///         "containers": [{ "name": "Web", "image": "nginx:1.27", "imagePullPolcy": "Always" }],
///     }))
///     .build()
///     .unwrap_err();
/// assert!(pod.has("spec.containers[0].name", 6));
/// assert!(pod.has("spec.containers[0].imagePullPolcy", 0));
/// ```
pub fn custom(object: &CustomObject) -> Report {
    let mut report = Report::new();
    custom_into(object, &mut report);
    report
}

/// [`custom`], into `report`.
pub(crate) fn custom_into(object: &CustomObject, report: &mut Report) {
    if !built_in(object, report) {
        meta::object_meta(
            &object.metadata,
            &At::root().field("metadata"),
            meta::any_name,
            report,
        );
    }
}

/// The typed form of `object` when its apiVersion and kind name a built-in kind, checked into
/// `report`; false for any other kind.
fn built_in(object: &CustomObject, report: &mut Report) -> bool {
    match (object.api_version.as_str(), object.kind.as_str()) {
        ("v1", "Namespace") => typed::<core::Namespace>(object, Object::Namespace, report),
        ("v1", "ServiceAccount") => {
            typed::<core::ServiceAccount>(object, Object::ServiceAccount, report)
        }
        ("v1", "ConfigMap") => typed::<core::ConfigMap>(object, Object::ConfigMap, report),
        ("v1", "Secret") => typed::<core::Secret>(object, Object::Secret, report),
        ("v1", "PersistentVolumeClaim") => {
            typed::<core::PersistentVolumeClaim>(object, Object::PersistentVolumeClaim, report)
        }
        ("v1", "ResourceQuota") => {
            typed::<core::ResourceQuota>(object, Object::ResourceQuota, report)
        }
        ("v1", "LimitRange") => typed::<core::LimitRange>(object, Object::LimitRange, report),
        ("v1", "PersistentVolume") => {
            typed::<core::PersistentVolume>(object, Object::PersistentVolume, report)
        }
        ("storage.k8s.io/v1", "StorageClass") => {
            typed::<storage::StorageClass>(object, Object::StorageClass, report)
        }
        ("v1", "Service") => typed::<core::Service>(object, Object::Service, report),
        ("v1", "Pod") => typed::<core::Pod>(object, Object::Pod, report),
        ("apps/v1", "Deployment") => typed::<apps::Deployment>(object, Object::Deployment, report),
        ("apps/v1", "StatefulSet") => {
            typed::<apps::StatefulSet>(object, Object::StatefulSet, report)
        }
        ("apps/v1", "DaemonSet") => typed::<apps::DaemonSet>(object, Object::DaemonSet, report),
        ("apps/v1", "ReplicaSet") => typed::<apps::ReplicaSet>(object, Object::ReplicaSet, report),
        ("batch/v1", "Job") => typed::<batch::Job>(object, Object::Job, report),
        ("batch/v1", "CronJob") => typed::<batch::CronJob>(object, Object::CronJob, report),
        ("scheduling.k8s.io/v1", "PriorityClass") => {
            typed::<scheduling::PriorityClass>(object, Object::PriorityClass, report)
        }
        ("policy/v1", "PodDisruptionBudget") => {
            typed::<policy::PodDisruptionBudget>(object, Object::PodDisruptionBudget, report)
        }
        ("autoscaling/v2", "HorizontalPodAutoscaler") => {
            typed::<autoscaling::HorizontalPodAutoscaler>(
                object,
                Object::HorizontalPodAutoscaler,
                report,
            )
        }
        ("rbac.authorization.k8s.io/v1", "Role") => {
            typed::<rbac::Role>(object, Object::Role, report)
        }
        ("rbac.authorization.k8s.io/v1", "ClusterRole") => {
            typed::<rbac::ClusterRole>(object, Object::ClusterRole, report)
        }
        ("rbac.authorization.k8s.io/v1", "RoleBinding") => {
            typed::<rbac::RoleBinding>(object, Object::RoleBinding, report)
        }
        ("rbac.authorization.k8s.io/v1", "ClusterRoleBinding") => {
            typed::<rbac::ClusterRoleBinding>(object, Object::ClusterRoleBinding, report)
        }
        ("networking.k8s.io/v1", "NetworkPolicy") => {
            typed::<networking::NetworkPolicy>(object, Object::NetworkPolicy, report)
        }
        ("networking.k8s.io/v1", "Ingress") => {
            typed::<networking::Ingress>(object, Object::Ingress, report)
        }
        ("networking.k8s.io/v1", "IngressClass") => {
            typed::<networking::IngressClass>(object, Object::IngressClass, report)
        }
        _ => return false,
    }
    true
}

/// Converts `object` to `T`, then checks it as an [`Object`] made by `wrap`.
fn typed<T>(object: &CustomObject, wrap: fn(T) -> Object, report: &mut Report)
where
    T: DeserializeOwned + Serialize,
{
    typed_with::<T>(object, |value| super::object(&wrap(value)), report);
}

/// Converts `object` to `T` and merges what `check` reports, then the unknown fields.
fn typed_with<T>(object: &CustomObject, check: impl FnOnce(T) -> Report, report: &mut Report)
where
    T: DeserializeOwned + Serialize,
{
    let given = match serde_json::to_value(object) {
        Ok(value) => value,
        Err(error) => {
            report.error(
                At::root(),
                0,
                format!("cannot be turned into JSON: {error}"),
                "give fields whose `Serialize` produces JSON",
            );
            return;
        }
    };
    let value: T = match serde_json::from_value(given.clone()) {
        Ok(value) => value,
        Err(error) => {
            report.error(
                At::root(),
                0,
                format!("is not a valid {}: {error}", object.kind),
                format!(
                    "write the fields of a {} as its API defines them",
                    object.kind
                ),
            );
            return;
        }
    };
    let known = serde_json::to_value(&value).unwrap_or(Value::Null);
    report.merge(check(value));
    unknown_fields(At::root(), &given, &known, report);
}

/// Reports each field of `given` that the typed object dropped (`known` is the typed object
/// written back): a field the kind does not have. A `null` is no field.
fn unknown_fields(path: &At<'_>, given: &Value, known: &Value, report: &mut Report) {
    match (given, known) {
        (Value::Object(given), Value::Object(known)) => {
            for (key, value) in given {
                match known.get(key) {
                    Some(kept) => unknown_fields(&path.field(key), value, kept, report),
                    None if value.is_null() => {}
                    None => report.error(
                        &path.field(key),
                        0,
                        format!("unknown field `{key}`"),
                        "remove it, or check its spelling against the API reference",
                    ),
                }
            }
        }
        (Value::Array(given), Value::Array(known)) => {
            for (i, (value, kept)) in given.iter().zip(known).enumerate() {
                unknown_fields(&path.index(i), value, kept, report);
            }
        }
        _ => {}
    }
}
