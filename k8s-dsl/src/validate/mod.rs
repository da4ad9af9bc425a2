//! Errors and warnings with the field path the API server would print.
//!
//! Every check in the crate reports into a [`Report`]; `build()` turns a report with errors into
//! [`Errors`], which lists **every** problem found, each with its [`FieldPath`], the rule it
//! breaks (its number in the book's rule list, *Reference: The rules*) and the fix. Warnings (valid but suspicious) never fail a
//! build; they are returned separately.
//!
//! ```
//! use k8s_dsl::prelude::*;
//!
//! let errors = Pod::new("web")
//!     .container(Container::new("web").image("nginx:1.27").port(ContainerPort::tcp(70000)))
//!     .container(Container::new("Web").image("nginx:1.27"))
//!     .build()
//!     .unwrap_err();
//! // Both mistakes, each at its own path.
//! assert!(errors.has("spec.containers[0].ports[0].containerPort", 20));
//! assert!(errors.iter().any(|e| e.path.as_str() == "spec.containers[1].name"));
//! # Ok::<(), k8s_dsl::Errors>(())
//! ```

//!
//! # One pass over the objects
//!
//! The API server validates the object, not the way it was written (`ValidatePod(*core.Pod)`).
//! So does [`object`]: it takes any [`Object`] of a bundle, whatever made it (a builder, a raw
//! k8s-openapi value, an imported file), and returns every error and warning, each path from the
//! object's root. The per-kind functions ([`pod`], [`deployment`], [`job`], ...) are the same
//! pass for one k8s-openapi type; the builders call them after they construct their object.
//!
//! ```
//! use k8s_dsl::prelude::*;
//! use k8s_openapi::api::core::v1 as k8s;
//!
//! // A pod built, then edited: the edit is checked too.
//! let mut pod = Pod::new("web").container(Container::new("web").image("nginx:1.27")).build()?;
//! if let Some(spec) = pod.spec.as_mut() {
//!     spec.containers.push(k8s::Container { name: "web".into(), image: Some("nginx:1.27".into()), ..Default::default() });
//! }
//! let report = k8s_dsl::validate::object(&Object::Pod(pod));
//! assert!(report.errors().iter().any(|e| e.path.as_str() == "spec.containers[1].name" && e.rule == 13));
//! # Ok::<(), k8s_dsl::Errors>(())
//! ```

pub(crate) mod apps;
pub(crate) mod batch;
mod custom;
pub(crate) mod ingress;
pub(crate) mod meta;
pub(crate) mod namespace;
pub(crate) mod network;
mod objects;
mod path;
pub(crate) mod pod;
pub(crate) mod quota;
pub(crate) mod rbac;
mod report;
mod service;
pub(crate) mod storage;
mod workload;

pub use custom::custom;
pub(crate) use custom::custom_into;
pub use ingress::{ingress, ingress_class};
pub use network::network_policy;
pub use objects::{
    config_map, horizontal_pod_autoscaler, namespace, pod_disruption_budget, priority_class,
    secret, service_account,
};
pub use path::{At, FieldPath, Location};
pub use pod::pod;
pub use quota::{limit_range, resource_quota};
pub use rbac::{cluster_role, cluster_role_binding, role, role_binding};
pub use report::{Error, Errors, Report, Warning};
pub use service::service;
pub use storage::{persistent_volume, persistent_volume_claim, storage_class};
pub use workload::{cron_job, daemon_set, deployment, job, replica_set, stateful_set};

use crate::bundle::Object;

/// Every error and warning of one object, each path from the object's root
/// (`spec.template.spec.containers[0].name`). Pure: the object is only read.
///
/// ```
/// use k8s_dsl::prelude::*;
///
/// let config = ConfigMap::new("settings").build()?;
/// let report = k8s_dsl::validate::object(&Object::ConfigMap(config));
/// assert!(report.errors().is_empty());
/// # Ok::<(), k8s_dsl::Errors>(())
/// ```
pub fn object(object: &Object) -> Report {
    match object {
        Object::Namespace(o) => namespace(o),
        Object::ServiceAccount(o) => service_account(o),
        Object::PriorityClass(o) => priority_class(o),
        Object::ConfigMap(o) => config_map(o),
        Object::Secret(o) => secret(o),
        Object::PersistentVolumeClaim(o) => persistent_volume_claim(o),
        Object::Service(o) => service(o),
        Object::Pod(o) => pod(o),
        Object::Deployment(o) => deployment(o),
        Object::StatefulSet(o) => stateful_set(o),
        Object::DaemonSet(o) => daemon_set(o),
        Object::Job(o) => job(o),
        Object::CronJob(o) => cron_job(o),
        Object::PodDisruptionBudget(o) => pod_disruption_budget(o),
        Object::HorizontalPodAutoscaler(o) => horizontal_pod_autoscaler(o),
        Object::Role(o) => role(o),
        Object::ClusterRole(o) => cluster_role(o),
        Object::RoleBinding(o) => role_binding(o),
        Object::ClusterRoleBinding(o) => cluster_role_binding(o),
        Object::NetworkPolicy(o) => network_policy(o),
        Object::PersistentVolume(o) => persistent_volume(o),
        Object::StorageClass(o) => storage_class(o),
        Object::ResourceQuota(o) => resource_quota(o),
        Object::LimitRange(o) => limit_range(o),
        Object::ReplicaSet(o) => replica_set(o),
        Object::Ingress(o) => ingress(o),
        Object::IngressClass(o) => ingress_class(o),
        Object::Custom(o) => custom(o),
    }
}
