//! The kinds without a pod: ConfigMap, Secret, PriorityClass, PodDisruptionBudget,
//! HorizontalPodAutoscaler, and any other object (its metadata).

use k8s_openapi::api::autoscaling::v2 as autoscaling;
use k8s_openapi::api::core::v1 as core;
use k8s_openapi::api::policy::v1 as policy;
use k8s_openapi::api::scheduling::v1 as scheduling;
use k8s_openapi::apimachinery::pkg::apis::meta::v1::ObjectMeta;

use super::{meta, At, Report};
use crate::rules::names;

/// The report of an object of which only the metadata is checked.
fn metadata_only(metadata: &ObjectMeta, name_rule: meta::NameRule) -> Report {
    let mut report = Report::new();
    meta::object_meta(
        metadata,
        &At::root().field("metadata"),
        name_rule,
        &mut report,
    );
    report
}

/// Every error and warning of a ConfigMap.
///
/// ```
/// use k8s_openapi::api::core::v1 as core;
/// use k8s_openapi::apimachinery::pkg::apis::meta::v1::ObjectMeta;
///
/// let config = core::ConfigMap { metadata: ObjectMeta { name: Some("settings".into()), ..Default::default() }, ..Default::default() };
/// assert!(k8s_dsl::validate::config_map(&config).errors().is_empty());
/// ```
pub fn config_map(config_map: &core::ConfigMap) -> Report {
    metadata_only(&config_map.metadata, meta::config_name)
}

/// Every error and warning of a Secret.
///
/// ```
/// use k8s_openapi::api::core::v1 as core;
/// use k8s_openapi::apimachinery::pkg::apis::meta::v1::ObjectMeta;
///
/// let secret = core::Secret { metadata: ObjectMeta { name: Some("db_password".into()), ..Default::default() }, ..Default::default() };
/// let report = k8s_dsl::validate::secret(&secret);
/// assert!(report.errors().iter().any(|e| e.path.as_str() == "metadata.name"));
/// ```
pub fn secret(secret: &core::Secret) -> Report {
    metadata_only(&secret.metadata, meta::config_name)
}

/// Every error and warning of a PriorityClass.
///
/// ```
/// use k8s_openapi::api::scheduling::v1 as scheduling;
/// use k8s_openapi::apimachinery::pkg::apis::meta::v1::ObjectMeta;
///
/// let class = scheduling::PriorityClass { metadata: ObjectMeta { name: Some("high".into()), ..Default::default() }, ..Default::default() };
/// assert!(k8s_dsl::validate::priority_class(&class).errors().is_empty());
/// ```
pub fn priority_class(class: &scheduling::PriorityClass) -> Report {
    metadata_only(&class.metadata, meta::priority_class_name)
}

/// Every error and warning of a PodDisruptionBudget.
///
/// ```
/// use k8s_openapi::api::policy::v1 as policy;
/// use k8s_openapi::apimachinery::pkg::apis::meta::v1::ObjectMeta;
///
/// let budget = policy::PodDisruptionBudget { metadata: ObjectMeta { name: Some("Web".into()), ..Default::default() }, ..Default::default() };
/// let report = k8s_dsl::validate::pod_disruption_budget(&budget);
/// assert!(report.errors().iter().any(|e| e.path.as_str() == "metadata.name"));
/// ```
pub fn pod_disruption_budget(budget: &policy::PodDisruptionBudget) -> Report {
    metadata_only(&budget.metadata, meta::pod_disruption_budget_name)
}

/// Every error and warning of a HorizontalPodAutoscaler.
///
/// ```
/// use k8s_openapi::api::autoscaling::v2 as autoscaling;
/// use k8s_openapi::apimachinery::pkg::apis::meta::v1::ObjectMeta;
///
/// let hpa = autoscaling::HorizontalPodAutoscaler { metadata: ObjectMeta { name: Some("web".into()), ..Default::default() }, ..Default::default() };
/// assert!(k8s_dsl::validate::horizontal_pod_autoscaler(&hpa).errors().is_empty());
/// ```
pub fn horizontal_pod_autoscaler(autoscaler: &autoscaling::HorizontalPodAutoscaler) -> Report {
    metadata_only(&autoscaler.metadata, meta::horizontal_pod_autoscaler_name)
}

/// Every error and warning of a Namespace (its name is a DNS label).
///
/// ```
/// use k8s_openapi::api::core::v1 as core;
/// use k8s_openapi::apimachinery::pkg::apis::meta::v1::ObjectMeta;
///
/// let namespace = core::Namespace { metadata: ObjectMeta { name: Some("shop.eu".into()), ..Default::default() }, ..Default::default() };
/// let report = k8s_dsl::validate::namespace(&namespace);
/// assert!(report.errors().iter().any(|e| e.path.as_str() == "metadata.name"));
/// ```
pub fn namespace(namespace: &core::Namespace) -> Report {
    let mut report = metadata_only(&namespace.metadata, |name| {
        names::dns1123_label(name, 11, "namespace name")
    });
    if let Some(labels) = &namespace.metadata.labels {
        super::namespace::pod_security_labels(labels, &mut report);
    }
    report
}

/// Every error and warning of a ServiceAccount.
///
/// ```
/// use k8s_openapi::api::core::v1 as core;
/// use k8s_openapi::apimachinery::pkg::apis::meta::v1::ObjectMeta;
///
/// let account = core::ServiceAccount { metadata: ObjectMeta { name: Some("robot".into()), ..Default::default() }, ..Default::default() };
/// assert!(k8s_dsl::validate::service_account(&account).errors().is_empty());
/// ```
pub fn service_account(account: &core::ServiceAccount) -> Report {
    metadata_only(&account.metadata, meta::any_name)
}
