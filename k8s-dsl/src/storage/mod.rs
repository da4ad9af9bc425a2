//! Storage: [`PersistentVolumeClaim`] (what a pod asks for), [`PersistentVolume`] (a piece of
//! storage, with the common sources: `hostPath`, `nfs`, `local`, `csi`) and [`StorageClass`]
//! (how volumes are provisioned on demand).
//!
//! ```
//! use k8s_dsl::prelude::*;
//!
//! let class = StorageClass::new("fast", "ebs.csi.aws.com")
//!     .parameter("type", "gp3")
//!     .binding_mode(VolumeBindingMode::WaitForFirstConsumer)
//!     .build()?;
//! let claim = PersistentVolumeClaim::new("data")
//!     .namespace("shop")
//!     .access_mode(AccessMode::ReadWriteOnce)
//!     .storage("10Gi")
//!     .storage_class("fast")
//!     .build()?;
//! assert_eq!(class.volume_binding_mode.as_deref(), Some("WaitForFirstConsumer"));
//! let spec = claim.spec.unwrap();
//! assert_eq!(spec.resources.unwrap().requests.unwrap()["storage"].0, "10Gi");
//! # Ok::<(), k8s_dsl::Errors>(())
//! ```

mod volume;

pub use volume::PersistentVolume;

use std::collections::BTreeMap;

use k8s_openapi::api::core::v1 as core;
use k8s_openapi::api::storage::v1 as storage;
use k8s_openapi::apimachinery::pkg::api::resource::Quantity as K8sQuantity;

use crate::meta::Meta;
use crate::rules::enums::AccessMode;
use crate::rules::quantity::Quantity;
use crate::validate::{Errors, Warning};
use crate::value::Parsed;
use crate::workload::meta_methods;

/// Whether a volume holds a filesystem or is a raw block device (`volumeMode`, rule 84).
///
/// ```
/// use k8s_dsl::prelude::*;
///
/// assert_eq!(VolumeMode::Block.as_str(), "Block");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum VolumeMode {
    /// A filesystem (the default).
    Filesystem,
    /// A raw block device.
    Block,
}

impl VolumeMode {
    /// The Kubernetes spelling.
    pub fn as_str(&self) -> &'static str {
        match self {
            VolumeMode::Filesystem => "Filesystem",
            VolumeMode::Block => "Block",
        }
    }
}

/// What happens to a volume when its claim is deleted (rules 87 and 88).
///
/// ```
/// use k8s_dsl::prelude::*;
///
/// assert_eq!(ReclaimPolicy::Retain.as_str(), "Retain");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ReclaimPolicy {
    /// Keep the volume and its data for an administrator to reclaim.
    Retain,
    /// Delete the volume and the storage behind it.
    Delete,
    /// Wipe the volume and offer it again (`nfs` and `hostPath` volumes only; deprecated).
    Recycle,
}

impl ReclaimPolicy {
    /// The Kubernetes spelling.
    pub fn as_str(&self) -> &'static str {
        match self {
            ReclaimPolicy::Retain => "Retain",
            ReclaimPolicy::Delete => "Delete",
            ReclaimPolicy::Recycle => "Recycle",
        }
    }
}

/// When a StorageClass binds and provisions a claim's volume (rule 88).
///
/// ```
/// use k8s_dsl::prelude::*;
///
/// assert_eq!(VolumeBindingMode::WaitForFirstConsumer.as_str(), "WaitForFirstConsumer");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum VolumeBindingMode {
    /// As soon as the claim is created.
    Immediate,
    /// When the first pod that uses the claim is scheduled (on that pod's node or zone).
    WaitForFirstConsumer,
}

impl VolumeBindingMode {
    /// The Kubernetes spelling.
    pub fn as_str(&self) -> &'static str {
        match self {
            VolumeBindingMode::Immediate => "Immediate",
            VolumeBindingMode::WaitForFirstConsumer => "WaitForFirstConsumer",
        }
    }
}

/// A size as text or parsed, as the k8s-openapi quantity (unchecked: the validation pass
/// reports a bad one at its path).
pub(crate) fn quantity_text(size: &Parsed<Quantity>) -> K8sQuantity {
    match size {
        Parsed::Value(quantity) => K8sQuantity(quantity.as_str().to_owned()),
        Parsed::Text(text) => K8sQuantity(text.clone()),
    }
}

/// A PersistentVolumeClaim: storage a pod mounts by the claim's name
/// ([`Volume::persistent_volume_claim`](crate::pod::Volume::persistent_volume_claim)).
///
/// ```
/// use k8s_dsl::prelude::*;
///
/// let claim = PersistentVolumeClaim::new("data")
///     .access_mode(AccessMode::ReadWriteOnce)
///     .storage("1Gi")
///     .build()?;
/// assert_eq!(claim.spec.unwrap().access_modes.unwrap(), ["ReadWriteOnce"]);
///
/// // Every mistake at once:
/// let errors = PersistentVolumeClaim::new("data").storage("0").storage_class("Fast").build().unwrap_err();
/// assert!(errors.has("spec.accessModes", 83));
/// assert!(errors.has("spec.resources[storage]", 84));
/// assert!(errors.has("spec.storageClassName", 84));
/// # Ok::<(), k8s_dsl::Errors>(())
/// ```
#[derive(Debug, Clone)]
pub struct PersistentVolumeClaim {
    pub(crate) meta: Meta,
    access_modes: Vec<AccessMode>,
    storage: Option<Parsed<Quantity>>,
    storage_class: Option<String>,
    volume_mode: Option<VolumeMode>,
    volume_name: Option<String>,
    selector: BTreeMap<String, String>,
}

impl PersistentVolumeClaim {
    /// A claim called `name` (a DNS subdomain).
    pub fn new(name: impl Into<String>) -> Self {
        PersistentVolumeClaim {
            meta: Meta::new(name),
            access_modes: Vec::new(),
            storage: None,
            storage_class: None,
            volume_mode: None,
            volume_name: None,
            selector: BTreeMap::new(),
        }
    }

    meta_methods!();

    /// Adds an access mode (`ReadWriteOnce`, ...; at least one, rule 83).
    pub fn access_mode(mut self, mode: AccessMode) -> Self {
        if !self.access_modes.contains(&mode) {
            self.access_modes.push(mode);
        }
        self
    }

    /// The size requested (`resources.requests.storage`, such as `"10Gi"`; rule 84).
    pub fn storage(mut self, size: impl Into<Parsed<Quantity>>) -> Self {
        self.storage = Some(size.into());
        self
    }

    /// The StorageClass that provisions the volume (`""` for no dynamic provisioning).
    pub fn storage_class(mut self, class: impl Into<String>) -> Self {
        self.storage_class = Some(class.into());
        self
    }

    /// A filesystem or a raw block device.
    pub fn volume_mode(mut self, mode: VolumeMode) -> Self {
        self.volume_mode = Some(mode);
        self
    }

    /// Binds the claim to the PersistentVolume `name` (`spec.volumeName`).
    pub fn volume_name(mut self, name: impl Into<String>) -> Self {
        self.volume_name = Some(name.into());
        self
    }

    /// Binds only to volumes carrying the label `key: value` (`spec.selector.matchLabels`).
    pub fn select(mut self, key: impl Into<String>, value: impl Into<String>) -> Self {
        self.selector.insert(key.into(), value.into());
        self
    }

    /// The k8s-openapi `PersistentVolumeClaim`, or every error found.
    pub fn build(self) -> Result<core::PersistentVolumeClaim, Errors> {
        self.build_with_warnings().map(|(claim, _)| claim)
    }

    /// Like [`build`](Self::build), also returning the warnings.
    pub fn build_with_warnings(
        self,
    ) -> Result<(core::PersistentVolumeClaim, Vec<Warning>), Errors> {
        let modes: Vec<String> = self
            .access_modes
            .iter()
            .map(|m| m.as_str().to_owned())
            .collect();
        let claim = core::PersistentVolumeClaim {
            metadata: self.meta.into_object_meta(),
            spec: Some(core::PersistentVolumeClaimSpec {
                access_modes: (!modes.is_empty()).then_some(modes),
                resources: self
                    .storage
                    .as_ref()
                    .map(|size| core::VolumeResourceRequirements {
                        requests: Some(BTreeMap::from([(
                            "storage".to_owned(),
                            quantity_text(size),
                        )])),
                        limits: None,
                    }),
                storage_class_name: self.storage_class,
                volume_mode: self.volume_mode.map(|m| m.as_str().to_owned()),
                volume_name: self.volume_name,
                selector: (!self.selector.is_empty()).then_some(
                    k8s_openapi::apimachinery::pkg::apis::meta::v1::LabelSelector {
                        match_labels: Some(self.selector),
                        match_expressions: None,
                    },
                ),
                ..Default::default()
            }),
            status: None,
        };
        crate::validate::persistent_volume_claim(&claim).finish(claim)
    }
}

/// A StorageClass: how volumes of a class are provisioned when a claim names it.
///
/// ```
/// use k8s_dsl::prelude::*;
///
/// let class = StorageClass::new("standard", "pd.csi.storage.gke.io")
///     .default_class()
///     .reclaim_policy(ReclaimPolicy::Retain)
///     .allow_volume_expansion(true)
///     .build()?;
/// assert_eq!(class.reclaim_policy.as_deref(), Some("Retain"));
///
/// let errors = StorageClass::new("standard", "").build().unwrap_err();
/// assert!(errors.has("provisioner", 88));
/// # Ok::<(), k8s_dsl::Errors>(())
/// ```
#[derive(Debug, Clone)]
pub struct StorageClass {
    pub(crate) meta: Meta,
    provisioner: String,
    parameters: BTreeMap<String, String>,
    reclaim_policy: Option<ReclaimPolicy>,
    binding_mode: Option<VolumeBindingMode>,
    allow_volume_expansion: Option<bool>,
    mount_options: Vec<String>,
}

impl StorageClass {
    /// A StorageClass called `name` whose volumes `provisioner` creates (such as
    /// `ebs.csi.aws.com`, or `kubernetes.io/no-provisioner` for local volumes).
    pub fn new(name: impl Into<String>, provisioner: impl Into<String>) -> Self {
        StorageClass {
            meta: Meta::new(name),
            provisioner: provisioner.into(),
            parameters: BTreeMap::new(),
            reclaim_policy: None,
            binding_mode: None,
            allow_volume_expansion: None,
            mount_options: Vec::new(),
        }
    }

    /// Sets a label (`metadata.labels`).
    pub fn label(mut self, key: impl Into<String>, value: impl Into<String>) -> Self {
        self.meta = self.meta.label(key, value);
        self
    }

    /// Sets an annotation (`metadata.annotations`).
    pub fn annotation(mut self, key: impl Into<String>, value: impl Into<String>) -> Self {
        self.meta = self.meta.annotation(key, value);
        self
    }

    /// Makes this the class of claims that name none (the annotation
    /// `storageclass.kubernetes.io/is-default-class: "true"`).
    pub fn default_class(self) -> Self {
        self.annotation("storageclass.kubernetes.io/is-default-class", "true")
    }

    /// A setting of the provisioner (`parameters`).
    pub fn parameter(mut self, key: impl Into<String>, value: impl Into<String>) -> Self {
        self.parameters.insert(key.into(), value.into());
        self
    }

    /// `Delete` (the default) or `Retain` the volume when its claim goes.
    pub fn reclaim_policy(mut self, policy: ReclaimPolicy) -> Self {
        self.reclaim_policy = Some(policy);
        self
    }

    /// When claims are bound and provisioned.
    pub fn binding_mode(mut self, mode: VolumeBindingMode) -> Self {
        self.binding_mode = Some(mode);
        self
    }

    /// Whether claims may grow after they are created.
    pub fn allow_volume_expansion(mut self, allow: bool) -> Self {
        self.allow_volume_expansion = Some(allow);
        self
    }

    /// A mount option of the volumes (`mountOptions`, such as `debug`).
    pub fn mount_option(mut self, option: impl Into<String>) -> Self {
        self.mount_options.push(option.into());
        self
    }

    /// The k8s-openapi `StorageClass`, or every error found.
    pub fn build(self) -> Result<storage::StorageClass, Errors> {
        self.build_with_warnings().map(|(class, _)| class)
    }

    /// Like [`build`](Self::build), also returning the warnings.
    pub fn build_with_warnings(self) -> Result<(storage::StorageClass, Vec<Warning>), Errors> {
        let class = storage::StorageClass {
            metadata: self.meta.into_object_meta(),
            provisioner: self.provisioner,
            parameters: (!self.parameters.is_empty()).then_some(self.parameters),
            reclaim_policy: self.reclaim_policy.map(|p| p.as_str().to_owned()),
            volume_binding_mode: self.binding_mode.map(|m| m.as_str().to_owned()),
            allow_volume_expansion: self.allow_volume_expansion,
            mount_options: (!self.mount_options.is_empty()).then_some(self.mount_options),
            allowed_topologies: None,
        };
        crate::validate::storage_class(&class).finish(class)
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing)]
mod tests;
