//! [`Object`]: one object of any kind a [`Bundle`](super::Bundle) holds, and
//! [`IntoObject`]: what `Bundle::add` accepts (builders and built k8s-openapi objects).

use std::fmt;

use k8s_openapi::api::apps::v1 as apps;
use k8s_openapi::api::autoscaling::v2 as autoscaling;
use k8s_openapi::api::batch::v1 as batch;
use k8s_openapi::api::core::v1 as core;
use k8s_openapi::api::networking::v1 as networking;
use k8s_openapi::api::policy::v1 as policy;
use k8s_openapi::api::rbac::v1 as rbac;
use k8s_openapi::api::scheduling::v1 as scheduling;
use k8s_openapi::api::storage::v1 as storage;
use k8s_openapi::apimachinery::pkg::apis::meta::v1::ObjectMeta;
use serde::Serialize;

use crate::custom::CustomObject;
use crate::meta::Meta;
use crate::validate::{Errors, FieldPath, Warning};
use crate::workload::SpecRef;

/// Which object: kind, namespace and name, written `Kind/namespace/name` (or `Kind/name`
/// without a namespace).
///
/// ```
/// use k8s_dsl::prelude::*;
///
/// let bundle = Bundle::new().add(ConfigMap::new("settings").namespace("shop"));
/// let id = bundle.objects()[0].id();
/// assert_eq!(
///     id,
///     ObjectId { kind: "ConfigMap".into(), namespace: Some("shop".into()), name: "settings".into() }
/// );
/// assert_eq!(id.to_string(), "ConfigMap/shop/settings");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ObjectId {
    /// The kind, such as `Deployment`.
    pub kind: String,
    /// The namespace, if set.
    pub namespace: Option<String>,
    /// The name.
    pub name: String,
}

impl ObjectId {
    pub(crate) fn new(kind: &str, meta: &ObjectMeta) -> Self {
        ObjectId {
            kind: kind.to_owned(),
            namespace: meta.namespace.clone(),
            name: meta.name.clone().unwrap_or_default(),
        }
    }

    fn of_meta(kind: &str, meta: &Meta) -> Self {
        ObjectId {
            kind: kind.to_owned(),
            namespace: meta.namespace.clone(),
            name: meta.name.clone().unwrap_or_default(),
        }
    }
}

impl fmt::Display for ObjectId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.namespace {
            Some(ns) => write!(f, "{}/{}/{}", self.kind, ns, self.name),
            None => write!(f, "{}/{}", self.kind, self.name),
        }
    }
}

/// One object of a bundle. Serializes as the object itself (with `apiVersion` and `kind`).
/// `Debug` never shows a Secret's values.
///
/// ```
/// use k8s_dsl::prelude::*;
///
/// let pod = Pod::new("web").container(Container::new("web").image("nginx:1.27")).build()?;
/// let object = Object::Pod(pod);
/// assert_eq!(object.kind(), "Pod");
/// assert_eq!(object.metadata().name.as_deref(), Some("web"));
/// assert_eq!(object.id().to_string(), "Pod/web");
/// // It serializes as the object itself:
/// let json = serde_json::to_value(&object)?;
/// assert_eq!((json["apiVersion"].as_str(), json["kind"].as_str()), (Some("v1"), Some("Pod")));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, PartialEq)]
#[allow(clippy::large_enum_variant)]
pub enum Object {
    /// A Namespace.
    Namespace(core::Namespace),
    /// A ServiceAccount.
    ServiceAccount(core::ServiceAccount),
    /// A PriorityClass.
    PriorityClass(scheduling::PriorityClass),
    /// A ConfigMap.
    ConfigMap(core::ConfigMap),
    /// A Secret.
    Secret(core::Secret),
    /// A PersistentVolumeClaim.
    PersistentVolumeClaim(core::PersistentVolumeClaim),
    /// A PersistentVolume.
    PersistentVolume(core::PersistentVolume),
    /// A StorageClass.
    StorageClass(storage::StorageClass),
    /// A ResourceQuota.
    ResourceQuota(core::ResourceQuota),
    /// A LimitRange.
    LimitRange(core::LimitRange),
    /// A Service.
    Service(core::Service),
    /// A Pod.
    Pod(core::Pod),
    /// A Deployment.
    Deployment(apps::Deployment),
    /// A StatefulSet.
    StatefulSet(apps::StatefulSet),
    /// A DaemonSet.
    DaemonSet(apps::DaemonSet),
    /// A ReplicaSet.
    ReplicaSet(apps::ReplicaSet),
    /// A Job.
    Job(batch::Job),
    /// A CronJob.
    CronJob(batch::CronJob),
    /// A PodDisruptionBudget.
    PodDisruptionBudget(policy::PodDisruptionBudget),
    /// A HorizontalPodAutoscaler (autoscaling/v2).
    HorizontalPodAutoscaler(autoscaling::HorizontalPodAutoscaler),
    /// A Role.
    Role(rbac::Role),
    /// A ClusterRole.
    ClusterRole(rbac::ClusterRole),
    /// A RoleBinding.
    RoleBinding(rbac::RoleBinding),
    /// A ClusterRoleBinding.
    ClusterRoleBinding(rbac::ClusterRoleBinding),
    /// A NetworkPolicy.
    NetworkPolicy(networking::NetworkPolicy),
    /// An Ingress.
    Ingress(networking::Ingress),
    /// An IngressClass.
    IngressClass(networking::IngressClass),
    /// Any other object, such as a custom resource.
    Custom(CustomObject),
}

/// Applies `$body` to the inner value of every variant.
macro_rules! each {
    ($object:expr, $inner:ident => $body:expr) => {
        match $object {
            Object::Namespace($inner) => $body,
            Object::ServiceAccount($inner) => $body,
            Object::PriorityClass($inner) => $body,
            Object::ConfigMap($inner) => $body,
            Object::Secret($inner) => $body,
            Object::PersistentVolumeClaim($inner) => $body,
            Object::PersistentVolume($inner) => $body,
            Object::StorageClass($inner) => $body,
            Object::ResourceQuota($inner) => $body,
            Object::LimitRange($inner) => $body,
            Object::Service($inner) => $body,
            Object::Pod($inner) => $body,
            Object::Deployment($inner) => $body,
            Object::StatefulSet($inner) => $body,
            Object::DaemonSet($inner) => $body,
            Object::ReplicaSet($inner) => $body,
            Object::Job($inner) => $body,
            Object::CronJob($inner) => $body,
            Object::PodDisruptionBudget($inner) => $body,
            Object::HorizontalPodAutoscaler($inner) => $body,
            Object::Role($inner) => $body,
            Object::ClusterRole($inner) => $body,
            Object::RoleBinding($inner) => $body,
            Object::ClusterRoleBinding($inner) => $body,
            Object::NetworkPolicy($inner) => $body,
            Object::Ingress($inner) => $body,
            Object::IngressClass($inner) => $body,
            Object::Custom($inner) => $body,
        }
    };
}

impl Serialize for Object {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Object::StatefulSet(set) if has_claim_templates(set) => {
                without_claim_types(set)?.serialize(serializer)
            }
            other => each!(other, inner => inner.serialize(serializer)),
        }
    }
}

/// Whether a StatefulSet has `volumeClaimTemplates`.
fn has_claim_templates(set: &apps::StatefulSet) -> bool {
    set.spec
        .spec_ref()
        .and_then(|spec| spec.volume_claim_templates.as_ref())
        .is_some_and(|claims| !claims.is_empty())
}

/// A StatefulSet as JSON without the `apiVersion` and `kind` that k8s-openapi writes into each
/// of its `volumeClaimTemplates`: the API server does not need them, manifests leave them out,
/// and a GitOps diff against the manifest the set was imported from would show them.
fn without_claim_types<E: serde::ser::Error>(
    set: &apps::StatefulSet,
) -> Result<serde_json::Value, E> {
    let mut value = serde_json::to_value(set).map_err(E::custom)?;
    let claims = value
        .pointer_mut("/spec/volumeClaimTemplates")
        .and_then(serde_json::Value::as_array_mut);
    for claim in claims.into_iter().flatten() {
        if let Some(fields) = claim.as_object_mut() {
            fields.remove("apiVersion");
            fields.remove("kind");
        }
    }
    Ok(value)
}

impl fmt::Debug for Object {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Object::Secret(secret) => {
                let data: Vec<&String> = secret.data.iter().flat_map(|d| d.keys()).collect();
                let string_data: Vec<&String> =
                    secret.string_data.iter().flat_map(|d| d.keys()).collect();
                f.debug_struct("Secret")
                    .field("metadata", &secret.metadata)
                    .field("type", &secret.type_)
                    .field("data keys", &data)
                    .field("stringData keys", &string_data)
                    .finish_non_exhaustive()
            }
            // A Secret as a custom object (written by hand, or imported): the same.
            Object::Custom(custom) if custom.kind == "Secret" => {
                let keys = |field: &str| -> Vec<String> {
                    match custom.fields.get(field) {
                        Some(serde_json::Value::Object(map)) => map.keys().cloned().collect(),
                        _ => Vec::new(),
                    }
                };
                f.debug_struct("Secret")
                    .field("apiVersion", &custom.api_version)
                    .field("metadata", &custom.metadata)
                    .field("data keys", &keys("data"))
                    .field("stringData keys", &keys("stringData"))
                    .finish_non_exhaustive()
            }
            other => each!(other, inner => fmt::Debug::fmt(inner, f)),
        }
    }
}

impl Object {
    /// The kind, such as `Deployment`.
    pub fn kind(&self) -> &str {
        match self {
            Object::Namespace(_) => "Namespace",
            Object::ServiceAccount(_) => "ServiceAccount",
            Object::PriorityClass(_) => "PriorityClass",
            Object::ConfigMap(_) => "ConfigMap",
            Object::Secret(_) => "Secret",
            Object::PersistentVolumeClaim(_) => "PersistentVolumeClaim",
            Object::PersistentVolume(_) => "PersistentVolume",
            Object::StorageClass(_) => "StorageClass",
            Object::ResourceQuota(_) => "ResourceQuota",
            Object::LimitRange(_) => "LimitRange",
            Object::Service(_) => "Service",
            Object::Pod(_) => "Pod",
            Object::Deployment(_) => "Deployment",
            Object::StatefulSet(_) => "StatefulSet",
            Object::DaemonSet(_) => "DaemonSet",
            Object::ReplicaSet(_) => "ReplicaSet",
            Object::Job(_) => "Job",
            Object::CronJob(_) => "CronJob",
            Object::PodDisruptionBudget(_) => "PodDisruptionBudget",
            Object::HorizontalPodAutoscaler(_) => "HorizontalPodAutoscaler",
            Object::Role(_) => "Role",
            Object::ClusterRole(_) => "ClusterRole",
            Object::RoleBinding(_) => "RoleBinding",
            Object::ClusterRoleBinding(_) => "ClusterRoleBinding",
            Object::NetworkPolicy(_) => "NetworkPolicy",
            Object::Ingress(_) => "Ingress",
            Object::IngressClass(_) => "IngressClass",
            Object::Custom(custom) => &custom.kind,
        }
    }

    /// The object's metadata.
    pub fn metadata(&self) -> &ObjectMeta {
        each!(self, inner => &inner.metadata)
    }

    /// The object's kind, namespace and name.
    pub fn id(&self) -> ObjectId {
        ObjectId::new(self.kind(), self.metadata())
    }

    /// The pods this object runs: their labels and spec, with the spec's path (a Pod's own
    /// `spec`, or a workload's template).
    pub(crate) fn pod(&self) -> Option<PodView<'_>> {
        fn template<'a>(t: &'a core::PodTemplateSpec, path: &str) -> Option<PodView<'a>> {
            let spec_path = FieldPath::parse(path);
            // `spec.template.spec` -> `spec.template.metadata`
            let metadata_path =
                FieldPath::parse(path.strip_suffix(".spec").unwrap_or(path)).field("metadata");
            Some(PodView {
                labels: t.metadata.as_ref().and_then(|m| m.labels.as_ref()),
                annotations: t.metadata.as_ref().and_then(|m| m.annotations.as_ref()),
                spec: t.spec.as_ref()?,
                path: spec_path,
                metadata_path,
            })
        }
        const TEMPLATE: &str = "spec.template.spec";
        match self {
            Object::Pod(pod) => Some(PodView {
                labels: pod.metadata.labels.as_ref(),
                annotations: pod.metadata.annotations.as_ref(),
                spec: pod.spec.as_ref()?,
                path: FieldPath::parse("spec"),
                metadata_path: FieldPath::parse("metadata"),
            }),
            Object::Deployment(d) => template(&d.spec.spec_ref()?.template, TEMPLATE),
            Object::StatefulSet(s) => template(&s.spec.spec_ref()?.template, TEMPLATE),
            Object::DaemonSet(d) => template(&d.spec.spec_ref()?.template, TEMPLATE),
            Object::ReplicaSet(r) => template(r.spec.spec_ref()?.template.as_ref()?, TEMPLATE),
            Object::Job(j) => template(&j.spec.as_ref()?.template, TEMPLATE),
            Object::CronJob(c) => template(
                &c.spec.spec_ref()?.job_template.spec.as_ref()?.template,
                "spec.jobTemplate.spec.template.spec",
            ),
            _ => None,
        }
    }
}

/// The pods an object runs, as the cross-object checks see them.
pub(crate) struct PodView<'a> {
    /// The pod labels.
    pub labels: Option<&'a std::collections::BTreeMap<String, String>>,
    /// The pod spec.
    pub spec: &'a core::PodSpec,
    /// The spec's path in its object.
    pub path: FieldPath,
    /// The pod annotations (for the Pod Security Standards' AppArmor control).
    pub annotations: Option<&'a std::collections::BTreeMap<String, String>>,
    /// The path of the pod metadata in its object.
    pub metadata_path: FieldPath,
}

/// Anything [`Bundle::add`](super::Bundle::add) accepts: a builder (built when added, its
/// errors kept for the bundle's report), a built k8s-openapi object, or an [`Object`].
///
/// ```
/// use k8s_dsl::prelude::*;
///
/// // A builder knows its id before it is built...
/// let service = Service::new("web").selector("app", "web").port(80);
/// assert_eq!(service.object_id().to_string(), "Service/web");
/// let (object, warnings) = service.into_object()?;
/// assert_eq!(object.kind(), "Service");
/// assert!(warnings.is_empty());
///
/// // ...and a built k8s-openapi object is one too.
/// let built = ConfigMap::new("settings").build()?;
/// assert_eq!(built.object_id().to_string(), "ConfigMap/settings");
///
/// // Errors of a builder come back from `into_object` (and from `Bundle::check`):
/// let errors = Service::new("Web").port(80).into_object().unwrap_err();
/// assert!(errors.has("metadata.name", 2));
/// # Ok::<(), k8s_dsl::Errors>(())
/// ```
pub trait IntoObject {
    /// Which object this is, known before it is built (for error messages).
    fn object_id(&self) -> ObjectId;

    /// The object, or every error found; warnings come with it.
    fn into_object(self) -> Result<(Object, Vec<Warning>), Errors>;
}

/// An object as it is; a Secret gets the warnings of a built Secret (its literal values are
/// written in plain text), whichever way it came in.
impl IntoObject for Object {
    fn object_id(&self) -> ObjectId {
        self.id()
    }

    fn into_object(self) -> Result<(Object, Vec<Warning>), Errors> {
        match self {
            Object::Secret(secret) => secret.into_object(),
            Object::Custom(custom) => custom.into_object(),
            other => crate::validate::object(&other).finish(other),
        }
    }
}

/// `IntoObject` for built k8s-openapi objects.
macro_rules! built {
    ($($ty:ty => $variant:ident),* $(,)?) => {
        $(
            impl IntoObject for $ty {
                fn object_id(&self) -> ObjectId {
                    ObjectId::new(stringify!($variant), &self.metadata)
                }

                /// The object checked like any other ([`crate::validate::object`]).
                fn into_object(self) -> Result<(Object, Vec<Warning>), Errors> {
                    let object = Object::$variant(self);
                    crate::validate::object(&object).finish(object)
                }
            }

            impl From<$ty> for Object {
                fn from(value: $ty) -> Self {
                    Object::$variant(value)
                }
            }
        )*

        /// Every kind [`Object`] holds typed (the kinds of `built!` and the Secret), with how
        /// to read it from JSON: the one list that reading manifests ([`crate::read`]) and
        /// the checks of objects held as JSON ([`crate::validate::custom`]) look kinds up in.
        const TYPED_KINDS: &[TypedKind] = &[
            $(TypedKind::of::<$ty>(),)*
            TypedKind::of::<core::Secret>(),
        ];
    };
}

/// A kind that [`Object`] holds typed: its `apiVersion` and `kind`, and how to read it.
pub(crate) struct TypedKind {
    /// The `apiVersion`, such as `apps/v1`.
    pub(crate) api_version: &'static str,
    /// The `kind`, such as `Deployment`.
    pub(crate) kind: &'static str,
    /// Reads a JSON object into the typed [`Object`]; with it, the typed object written back
    /// as JSON (the fields of the input missing there are the ones the kind does not have).
    pub(crate) read: crate::read::ReadTyped,
}

impl TypedKind {
    const fn of<T>() -> Self
    where
        T: k8s_openapi::Resource + serde::de::DeserializeOwned + Serialize,
        Object: From<T>,
    {
        TypedKind {
            api_version: T::API_VERSION,
            kind: T::KIND,
            read: crate::read::read_typed::<T>,
        }
    }
}

/// The typed kind with this `apiVersion` and `kind`, if [`Object`] holds it typed.
pub(crate) fn typed_kind(api_version: &str, kind: &str) -> Option<&'static TypedKind> {
    TYPED_KINDS
        .iter()
        .find(|k| k.api_version == api_version && k.kind == kind)
}

/// Every kind [`Object`] holds typed, as `(apiVersion, kind)`.
pub(crate) fn typed_kinds() -> impl Iterator<Item = (&'static str, &'static str)> {
    TYPED_KINDS.iter().map(|k| (k.api_version, k.kind))
}

built!(
    core::Namespace => Namespace,
    core::ServiceAccount => ServiceAccount,
    scheduling::PriorityClass => PriorityClass,
    core::ConfigMap => ConfigMap,
    core::PersistentVolumeClaim => PersistentVolumeClaim,
    core::PersistentVolume => PersistentVolume,
    storage::StorageClass => StorageClass,
    core::ResourceQuota => ResourceQuota,
    core::LimitRange => LimitRange,
    apps::ReplicaSet => ReplicaSet,
    core::Service => Service,
    core::Pod => Pod,
    apps::Deployment => Deployment,
    apps::StatefulSet => StatefulSet,
    apps::DaemonSet => DaemonSet,
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

/// A built Secret carries its values as they are: each of `data` and `stringData` that holds
/// values gets the warning that they are written into the manifests in plain text.
impl IntoObject for core::Secret {
    fn object_id(&self) -> ObjectId {
        ObjectId::new("Secret", &self.metadata)
    }

    fn into_object(self) -> Result<(Object, Vec<Warning>), Errors> {
        let mut report = crate::validate::secret(&self);
        for (field, keys) in [
            (
                "data",
                self.data.as_ref().map(|d| d.keys().collect::<Vec<_>>()),
            ),
            (
                "stringData",
                self.string_data.as_ref().map(|d| d.keys().collect()),
            ),
        ] {
            crate::config::warn_literal_values(
                &FieldPath::parse(field),
                keys.unwrap_or_default(),
                &mut report,
            );
        }
        report.finish(Object::Secret(self))
    }
}

impl From<core::Secret> for Object {
    fn from(value: core::Secret) -> Self {
        Object::Secret(value)
    }
}

impl IntoObject for CustomObject {
    fn object_id(&self) -> ObjectId {
        ObjectId::new(&self.kind, &self.metadata)
    }

    /// Checked like any other object; a built-in kind held as JSON is checked as that kind
    /// ([`crate::validate::custom`]).
    fn into_object(self) -> Result<(Object, Vec<Warning>), Errors> {
        crate::validate::custom(&self).finish(Object::Custom(self))
    }
}

/// `IntoObject` for this crate's builders, which all keep a `meta` and a
/// `build_with_warnings()`.
macro_rules! builder {
    ($($ty:ty => $variant:ident),* $(,)?) => {
        $(
            impl IntoObject for $ty {
                fn object_id(&self) -> ObjectId {
                    ObjectId::of_meta(stringify!($variant), &self.meta)
                }

                fn into_object(self) -> Result<(Object, Vec<Warning>), Errors> {
                    self.build_with_warnings()
                        .map(|(object, warnings)| (Object::$variant(object), warnings))
                }
            }
        )*
    };
}

builder!(
    crate::policy::PriorityClass => PriorityClass,
    crate::config::ConfigMap => ConfigMap,
    crate::config::Secret => Secret,
    crate::service::Service => Service,
    crate::workload::Deployment => Deployment,
    crate::workload::StatefulSet => StatefulSet,
    crate::workload::DaemonSet => DaemonSet,
    crate::workload::Job => Job,
    crate::workload::CronJob => CronJob,
    crate::policy::PodDisruptionBudget => PodDisruptionBudget,
    crate::autoscaling::HorizontalPodAutoscaler => HorizontalPodAutoscaler,
    crate::account::ServiceAccount => ServiceAccount,
    crate::namespace::Namespace => Namespace,
    crate::rbac::Role => Role,
    crate::rbac::ClusterRole => ClusterRole,
    crate::rbac::RoleBinding => RoleBinding,
    crate::rbac::ClusterRoleBinding => ClusterRoleBinding,
    crate::network::NetworkPolicy => NetworkPolicy,
    crate::network::Ingress => Ingress,
    crate::storage::PersistentVolumeClaim => PersistentVolumeClaim,
    crate::storage::PersistentVolume => PersistentVolume,
    crate::storage::StorageClass => StorageClass,
    crate::quota::ResourceQuota => ResourceQuota,
    crate::quota::LimitRange => LimitRange,
    crate::workload::ReplicaSet => ReplicaSet,
    crate::network::IngressClass => IngressClass,
);

impl IntoObject for crate::custom::CustomResource {
    fn object_id(&self) -> ObjectId {
        ObjectId::of_meta(self.kind_name(), &self.meta)
    }

    fn into_object(self) -> Result<(Object, Vec<Warning>), Errors> {
        self.build_with_warnings()
            .map(|(object, warnings)| (Object::Custom(object), warnings))
    }
}

impl IntoObject for crate::pod::Pod {
    fn object_id(&self) -> ObjectId {
        ObjectId::of_meta("Pod", self.meta())
    }

    fn into_object(self) -> Result<(Object, Vec<Warning>), Errors> {
        self.build_with_warnings()
            .map(|(pod, warnings)| (Object::Pod(pod), warnings))
    }
}
