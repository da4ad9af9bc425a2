//! [`PersistentVolume`]: a piece of storage with one source.

use std::collections::BTreeMap;

use k8s_openapi::api::core::v1 as core;

use super::{quantity_text, ReclaimPolicy, VolumeMode};
use crate::meta::Meta;
use crate::rules::enums::AccessMode;
use crate::rules::quantity::Quantity;
use crate::validate::{Errors, Warning};
use crate::value::Parsed;

/// A PersistentVolume: storage an administrator provides (or a provisioner made), which a
/// claim binds to. One source per volume: [`host_path`](Self::host_path),
/// [`nfs`](Self::nfs), [`local`](Self::local) or [`csi`](Self::csi).
///
/// ```
/// use k8s_dsl::prelude::*;
///
/// let volume = PersistentVolume::nfs("shared", "nfs.example.com", "/exports/shared")
///     .capacity("100Gi")
///     .access_mode(AccessMode::ReadWriteMany)
///     .reclaim_policy(ReclaimPolicy::Retain)
///     .build()?;
/// let spec = volume.spec.unwrap();
/// assert_eq!(spec.nfs.unwrap().server, "nfs.example.com");
/// assert_eq!(spec.capacity.unwrap()["storage"].0, "100Gi");
///
/// // A local disk belongs to one node:
/// let disk = PersistentVolume::local("disk-1", "/mnt/disks/ssd1", "node-1")
///     .capacity("375Gi")
///     .access_mode(AccessMode::ReadWriteOnce)
///     .storage_class("local-storage")
///     .build()?;
/// assert!(disk.spec.unwrap().node_affinity.is_some());
///
/// let errors = PersistentVolume::csi("pv", "", "vol-1").build().unwrap_err();
/// assert!(errors.has("spec.csi.driver", 86));
/// assert!(errors.has("spec.capacity", 85));
/// assert!(errors.has("spec.accessModes", 83));
/// # Ok::<(), k8s_dsl::Errors>(())
/// ```
#[derive(Debug, Clone)]
pub struct PersistentVolume {
    pub(crate) meta: Meta,
    spec: core::PersistentVolumeSpec,
    capacity: Option<Parsed<Quantity>>,
    access_modes: Vec<AccessMode>,
}

impl PersistentVolume {
    fn with_spec(name: impl Into<String>, spec: core::PersistentVolumeSpec) -> Self {
        PersistentVolume {
            meta: Meta::new(name),
            spec,
            capacity: None,
            access_modes: Vec::new(),
        }
    }

    /// A directory of the node's filesystem (`hostPath`; for single-node test clusters).
    pub fn host_path(name: impl Into<String>, path: impl Into<String>) -> Self {
        PersistentVolume::with_spec(
            name,
            core::PersistentVolumeSpec {
                host_path: Some(core::HostPathVolumeSource {
                    path: path.into(),
                    type_: None,
                }),
                ..Default::default()
            },
        )
    }

    /// The export `path` of the NFS server `server`.
    pub fn nfs(
        name: impl Into<String>,
        server: impl Into<String>,
        path: impl Into<String>,
    ) -> Self {
        PersistentVolume::with_spec(
            name,
            core::PersistentVolumeSpec {
                nfs: Some(core::NFSVolumeSource {
                    server: server.into(),
                    path: path.into(),
                    read_only: None,
                }),
                ..Default::default()
            },
        )
    }

    /// A disk mounted at `path` on the node called `node` (the node affinity that a local
    /// volume needs, rule 86, selects it by `kubernetes.io/hostname`).
    pub fn local(
        name: impl Into<String>,
        path: impl Into<String>,
        node: impl Into<String>,
    ) -> Self {
        let term = core::NodeSelectorTerm {
            match_expressions: Some(vec![core::NodeSelectorRequirement {
                key: "kubernetes.io/hostname".to_owned(),
                operator: "In".to_owned(),
                values: Some(vec![node.into()]),
            }]),
            match_fields: None,
        };
        PersistentVolume::with_spec(
            name,
            core::PersistentVolumeSpec {
                local: Some(core::LocalVolumeSource {
                    path: path.into(),
                    fs_type: None,
                }),
                node_affinity: Some(core::VolumeNodeAffinity {
                    required: Some(core::NodeSelector {
                        node_selector_terms: vec![term],
                    }),
                }),
                ..Default::default()
            },
        )
    }

    /// The volume `volume_handle` of the CSI driver `driver`.
    pub fn csi(
        name: impl Into<String>,
        driver: impl Into<String>,
        volume_handle: impl Into<String>,
    ) -> Self {
        PersistentVolume::with_spec(
            name,
            core::PersistentVolumeSpec {
                csi: Some(core::CSIPersistentVolumeSource {
                    driver: driver.into(),
                    volume_handle: volume_handle.into(),
                    ..Default::default()
                }),
                ..Default::default()
            },
        )
    }

    /// Sets a label (`metadata.labels`; claims select volumes by label).
    pub fn label(mut self, key: impl Into<String>, value: impl Into<String>) -> Self {
        self.meta = self.meta.label(key, value);
        self
    }

    /// Sets an annotation (`metadata.annotations`).
    pub fn annotation(mut self, key: impl Into<String>, value: impl Into<String>) -> Self {
        self.meta = self.meta.annotation(key, value);
        self
    }

    /// The size (`capacity.storage`, such as `"10Gi"`; rule 85).
    pub fn capacity(mut self, size: impl Into<Parsed<Quantity>>) -> Self {
        self.capacity = Some(size.into());
        self
    }

    /// Adds an access mode (at least one, rule 83).
    pub fn access_mode(mut self, mode: AccessMode) -> Self {
        if !self.access_modes.contains(&mode) {
            self.access_modes.push(mode);
        }
        self
    }

    /// What happens to the volume when its claim is deleted (rule 87).
    pub fn reclaim_policy(mut self, policy: ReclaimPolicy) -> Self {
        self.spec.persistent_volume_reclaim_policy = Some(policy.as_str().to_owned());
        self
    }

    /// The StorageClass the volume belongs to (claims of that class bind to it).
    pub fn storage_class(mut self, class: impl Into<String>) -> Self {
        self.spec.storage_class_name = Some(class.into());
        self
    }

    /// A filesystem or a raw block device.
    pub fn volume_mode(mut self, mode: VolumeMode) -> Self {
        self.spec.volume_mode = Some(mode.as_str().to_owned());
        self
    }

    /// Reserves the volume for the claim `name` of `namespace` (`spec.claimRef`).
    pub fn claim(mut self, namespace: impl Into<String>, name: impl Into<String>) -> Self {
        self.spec.claim_ref = Some(core::ObjectReference {
            namespace: Some(namespace.into()),
            name: Some(name.into()),
            ..Default::default()
        });
        self
    }

    /// A mount option (`mountOptions`, such as `nfsvers=4.1`).
    pub fn mount_option(mut self, option: impl Into<String>) -> Self {
        self.spec
            .mount_options
            .get_or_insert_with(Vec::new)
            .push(option.into());
        self
    }

    /// The k8s-openapi `PersistentVolume`, or every error found.
    pub fn build(self) -> Result<core::PersistentVolume, Errors> {
        self.build_with_warnings().map(|(volume, _)| volume)
    }

    /// Like [`build`](Self::build), also returning the warnings.
    pub fn build_with_warnings(self) -> Result<(core::PersistentVolume, Vec<Warning>), Errors> {
        let mut spec = self.spec;
        let modes: Vec<String> = self
            .access_modes
            .iter()
            .map(|m| m.as_str().to_owned())
            .collect();
        spec.access_modes = (!modes.is_empty()).then_some(modes);
        spec.capacity = self
            .capacity
            .as_ref()
            .map(|size| BTreeMap::from([("storage".to_owned(), quantity_text(size))]));
        let volume = core::PersistentVolume {
            metadata: self.meta.into_object_meta(),
            spec: Some(spec),
            status: None,
        };
        crate::validate::persistent_volume(&volume).finish(volume)
    }
}
