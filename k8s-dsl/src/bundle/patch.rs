//! Typed patches on objects already in a bundle: [`Bundle::patch`](super::Bundle::patch)
//! finds the object of a k8s-openapi type by name, changes it in place and validates it again.

use k8s_openapi::api::apps::v1 as apps;
use k8s_openapi::api::autoscaling::v2 as autoscaling;
use k8s_openapi::api::batch::v1 as batch;
use k8s_openapi::api::core::v1 as core;
use k8s_openapi::api::networking::v1 as networking;
use k8s_openapi::api::policy::v1 as policy;
use k8s_openapi::api::rbac::v1 as rbac;
use k8s_openapi::api::scheduling::v1 as scheduling;
use k8s_openapi::api::storage::v1 as storage;

use super::{Entry, IntoObject, Object};
use crate::rules::{shown, suggest};
use crate::validate::{Error, FieldPath, Warning};

/// A k8s-openapi type that an [`Object`] holds: what [`Bundle::patch`](super::Bundle::patch)
/// takes as its type parameter.
///
/// ```
/// use k8s_dsl::bundle::Patchable;
/// use k8s_dsl::prelude::*;
/// use k8s_openapi::api::apps::v1::Deployment as K8sDeployment;
///
/// assert_eq!(K8sDeployment::KIND, "Deployment");
/// let mut object = Object::ConfigMap(ConfigMap::new("web").build()?);
/// assert!(K8sDeployment::of(&mut object).is_none());
/// # Ok::<(), k8s_dsl::Errors>(())
/// ```
pub trait Patchable: Sized {
    /// The kind, such as `Deployment`.
    const KIND: &'static str;

    /// The object as this type, when it is one.
    fn of(object: &mut Object) -> Option<&mut Self>;
}

macro_rules! patchable {
    ($($ty:ty => $variant:ident),* $(,)?) => {
        $(
            impl Patchable for $ty {
                const KIND: &'static str = stringify!($variant);

                fn of(object: &mut Object) -> Option<&mut Self> {
                    match object {
                        Object::$variant(inner) => Some(inner),
                        _ => None,
                    }
                }
            }
        )*
    };
}

patchable!(
    core::Namespace => Namespace,
    core::ServiceAccount => ServiceAccount,
    scheduling::PriorityClass => PriorityClass,
    core::ConfigMap => ConfigMap,
    core::Secret => Secret,
    core::PersistentVolumeClaim => PersistentVolumeClaim,
    core::PersistentVolume => PersistentVolume,
    storage::StorageClass => StorageClass,
    core::ResourceQuota => ResourceQuota,
    core::LimitRange => LimitRange,
    core::Service => Service,
    core::Pod => Pod,
    apps::Deployment => Deployment,
    apps::StatefulSet => StatefulSet,
    apps::DaemonSet => DaemonSet,
    apps::ReplicaSet => ReplicaSet,
    batch::Job => Job,
    batch::CronJob => CronJob,
    policy::PodDisruptionBudget => PodDisruptionBudget,
    autoscaling::HorizontalPodAutoscaler => HorizontalPodAutoscaler,
    rbac::Role => Role,
    rbac::ClusterRole => ClusterRole,
    rbac::RoleBinding => RoleBinding,
    rbac::ClusterRoleBinding => ClusterRoleBinding,
    networking::NetworkPolicy => NetworkPolicy,
    networking::Ingress => Ingress,
    networking::IngressClass => IngressClass,
);

/// Applies `change` to every `T` called `name` in `entries` and validates each again;
/// `Err` with the error to report when there is none.
pub(crate) fn apply<T: Patchable>(
    entries: &mut [Entry],
    name: &str,
    mut change: impl FnMut(&mut T),
) -> Result<(), Error> {
    let mut found = false;
    for entry in entries.iter_mut() {
        if entry.id.kind != T::KIND || entry.id.name != name {
            continue;
        }
        found = true;
        let Ok(object) = &mut entry.result else {
            continue; // its errors are reported already
        };
        let mut object = object.clone();
        if let Some(inner) = T::of(&mut object) {
            change(inner);
        }
        entry.id = object.id();
        match object.into_object() {
            Ok((object, warnings)) => {
                merge_warnings(&mut entry.warnings, warnings);
                entry.result = Ok(object);
            }
            Err(errors) => {
                merge_warnings(&mut entry.warnings, errors.warnings.clone());
                entry.result = Err(errors);
            }
        }
    }
    if found {
        return Ok(());
    }
    let names: Vec<&str> = entries
        .iter()
        .filter(|e| e.id.kind == T::KIND)
        .map(|e| e.id.name.as_str())
        .collect();
    let fix = match suggest::closest(name, names.iter().copied()) {
        Some(close) => format!("did you mean `{close}`?"),
        None if names.is_empty() => format!("add the {} before patching it", T::KIND),
        None => format!("patch one of `{}`", names.join("`, `")),
    };
    Err(Error {
        path: FieldPath::parse(&format!("{}/{name}", T::KIND)),
        rule: 0,
        message: format!(
            "a patch names {} {}, which the bundle does not hold",
            T::KIND,
            shown(name)
        ),
        fix,
    })
}

/// Adds the warnings of `new` that `warnings` lacks.
fn merge_warnings(warnings: &mut Vec<Warning>, new: Vec<Warning>) {
    for warning in new {
        if !warnings.contains(&warning) {
            warnings.push(warning);
        }
    }
}

impl super::Bundle {
    /// Changes the object of type `T` called `name` (as added, before any prefix) in place,
    /// then validates it again. A patch that names no object of that kind is an error of the
    /// bundle, reported by [`check`](Self::check) with the closest name.
    ///
    /// ```
    /// use k8s_dsl::prelude::*;
    /// use k8s_openapi::api::apps::v1::Deployment as K8sDeployment;
    ///
    /// let base = Bundle::new().add(Deployment::new("web").replicas(1).template(
    ///     Pod::template().label("app", "web").container(Container::new("web").image("nginx:1.27")),
    /// ));
    /// let production = base.clone().patch::<K8sDeployment>("web", |d| d.spec.replicas = Some(3));
    /// assert!(production.to_yaml()?.contains("replicas: 3"));
    ///
    /// // Validated again: a pod template without containers is refused.
    /// let broken = base.clone().patch::<K8sDeployment>("web", |d| {
    ///     d.spec.template.spec.as_mut().map(|pod| pod.containers.clear());
    /// });
    /// let errors = broken.check().unwrap_err();
    /// assert!(errors.iter().any(|e| e.path.as_str().starts_with("Deployment/web: spec.template.spec.containers")));
    ///
    /// let missing = base.patch::<K8sDeployment>("wbe", |_| {});
    /// let errors = missing.check().unwrap_err();
    /// assert!(errors.has("Deployment/wbe", 0));
    /// assert!(errors.errors[0].fix.contains("did you mean `web`?"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn patch<T: Patchable>(mut self, name: &str, change: impl FnMut(&mut T)) -> Self {
        self.applied = std::sync::OnceLock::new();
        if let Err(error) = apply(&mut self.entries, name, change) {
            self.problems.push(error);
        }
        self
    }
}
