//! The kinds without a pod: Service, ConfigMap, Secret, PriorityClass, PodDisruptionBudget,
//! HorizontalPodAutoscaler, and any other object (its metadata).

use k8s_openapi::api::autoscaling::v2 as autoscaling;
use k8s_openapi::api::core::v1 as core;
use k8s_openapi::api::policy::v1 as policy;
use k8s_openapi::api::scheduling::v1 as scheduling;
use k8s_openapi::apimachinery::pkg::apis::meta::v1::ObjectMeta;

use super::{meta, At, Report};
use crate::custom::CustomObject;
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

/// Every error and warning of a Service.
pub fn service(service: &core::Service) -> Report {
    metadata_only(&service.metadata, names::service_name)
}

/// Every error and warning of a ConfigMap.
pub fn config_map(config_map: &core::ConfigMap) -> Report {
    metadata_only(&config_map.metadata, meta::config_name)
}

/// Every error and warning of a Secret.
pub fn secret(secret: &core::Secret) -> Report {
    metadata_only(&secret.metadata, meta::config_name)
}

/// Every error and warning of a PriorityClass.
pub fn priority_class(class: &scheduling::PriorityClass) -> Report {
    metadata_only(&class.metadata, meta::priority_class_name)
}

/// Every error and warning of a PodDisruptionBudget.
pub fn pod_disruption_budget(budget: &policy::PodDisruptionBudget) -> Report {
    metadata_only(&budget.metadata, meta::pod_disruption_budget_name)
}

/// Every error and warning of a HorizontalPodAutoscaler.
pub fn horizontal_pod_autoscaler(autoscaler: &autoscaling::HorizontalPodAutoscaler) -> Report {
    metadata_only(&autoscaler.metadata, meta::horizontal_pod_autoscaler_name)
}

/// Every error and warning of a Namespace (its name is a DNS label).
pub fn namespace(namespace: &core::Namespace) -> Report {
    metadata_only(&namespace.metadata, |name| {
        names::dns1123_label(name, 11, "namespace name")
    })
}

/// Every error and warning of a ServiceAccount.
pub fn service_account(account: &core::ServiceAccount) -> Report {
    metadata_only(&account.metadata, meta::any_name)
}

/// Every error and warning of a PersistentVolumeClaim.
pub fn persistent_volume_claim(claim: &core::PersistentVolumeClaim) -> Report {
    metadata_only(&claim.metadata, meta::any_name)
}

/// Every error and warning of an object of another kind (its metadata).
pub fn custom(object: &CustomObject) -> Report {
    metadata_only(&object.metadata, meta::any_name)
}
