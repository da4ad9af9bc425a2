//! The volume sources outside the pod: an NFS export, a CSI driver's inline volume, an
//! ephemeral claim and an OCI image (checked with the pod spec: rule 98).

// k8s-openapi structs gain fields between Kubernetes versions: every literal ends with
// `..Default::default()` so it compiles against each supported version.
#![allow(clippy::needless_update)]

use std::collections::BTreeMap;

use k8s_openapi::api::core::v1 as k8s;
use k8s_openapi::apimachinery::pkg::api::resource::Quantity as K8sQuantity;

use super::{Volume, VolumeName};
use crate::rules::enums::{AccessMode, ImagePullPolicy};

impl Volume {
    /// The export `path` of the NFS server `server` (rule 98: an absolute path).
    ///
    /// ```
    /// use k8s_dsl::prelude::*;
    ///
    /// let shared = Volume::nfs("shared", "nfs.example.com", "/exports/shared").read_only();
    /// let pod = Pod::new("web")
    ///     .volume(&shared)
    ///     .container(Container::new("web").image("nginx:1.27").mount_read_only(&shared, "/srv"))
    ///     .build()?;
    /// let nfs = pod.spec.unwrap().volumes.unwrap()[0].nfs.clone().unwrap();
    /// assert_eq!((nfs.server.as_str(), nfs.read_only), ("nfs.example.com", Some(true)));
    ///
    /// let errors = Pod::new("web")
    ///     .volume(Volume::nfs("shared", "nfs.example.com", "exports"))
    ///     .container(Container::new("web").image("nginx:1.27"))
    ///     .build()
    ///     .unwrap_err();
    /// assert!(errors.has("spec.volumes[0].nfs.path", 98));
    /// # Ok::<(), k8s_dsl::Errors>(())
    /// ```
    pub fn nfs(
        name: impl Into<String>,
        server: impl Into<String>,
        path: impl Into<String>,
    ) -> NfsVolume {
        NfsVolume {
            name: name.into(),
            server: server.into(),
            path: path.into(),
            read_only: false,
        }
    }

    /// An inline volume of the CSI driver `driver` (such as the Secrets Store driver), with
    /// its attributes.
    ///
    /// ```
    /// use k8s_dsl::prelude::*;
    ///
    /// let secrets = Volume::csi("secrets", "secrets-store.csi.k8s.io")
    ///     .read_only()
    ///     .attribute("secretProviderClass", "vault-db");
    /// let pod = Pod::new("app")
    ///     .volume(&secrets)
    ///     .container(Container::new("app").image("app:1.4").mount_read_only(&secrets, "/mnt/secrets"))
    ///     .build()?;
    /// let csi = pod.spec.unwrap().volumes.unwrap()[0].csi.clone().unwrap();
    /// assert_eq!(csi.driver, "secrets-store.csi.k8s.io");
    /// # Ok::<(), k8s_dsl::Errors>(())
    /// ```
    pub fn csi(name: impl Into<String>, driver: impl Into<String>) -> CsiVolume {
        CsiVolume {
            name: name.into(),
            driver: driver.into(),
            read_only: false,
            fs_type: None,
            attributes: BTreeMap::new(),
            secret: None,
        }
    }

    /// A volume on a PersistentVolumeClaim made for the pod and deleted with it
    /// (`ephemeral.volumeClaimTemplate`): `access_mode` and `size` of the claim (rules 83, 84).
    ///
    /// ```
    /// use k8s_dsl::prelude::*;
    ///
    /// let scratch = Volume::ephemeral("scratch", AccessMode::ReadWriteOnce, "10Gi").storage_class("fast");
    /// let pod = Pod::new("batch")
    ///     .volume(&scratch)
    ///     .container(Container::new("work").image("busybox:1.36").mount(&scratch, "/scratch"))
    ///     .build()?;
    /// let ephemeral = pod.spec.unwrap().volumes.unwrap()[0].ephemeral.clone().unwrap();
    /// let claim = ephemeral.volume_claim_template.unwrap().spec;
    /// assert_eq!(claim.storage_class_name.as_deref(), Some("fast"));
    /// # Ok::<(), k8s_dsl::Errors>(())
    /// ```
    pub fn ephemeral(
        name: impl Into<String>,
        access_mode: AccessMode,
        size: impl Into<String>,
    ) -> EphemeralVolume {
        EphemeralVolume {
            name: name.into(),
            access_modes: vec![access_mode],
            size: size.into(),
            storage_class: None,
            labels: BTreeMap::new(),
        }
    }

    /// The files of the OCI image or artifact `reference`, read-only (`image`; Kubernetes
    /// 1.33+ with the `ImageVolume` feature).
    ///
    /// ```
    /// use k8s_dsl::prelude::*;
    ///
    /// let model = Volume::image("model", "quay.io/example/model:v1").pull_policy(ImagePullPolicy::IfNotPresent);
    /// let pod = Pod::new("inference")
    ///     .volume(&model)
    ///     .container(Container::new("server").image("server:2.0").mount_read_only(&model, "/models"))
    ///     .build()?;
    /// let image = pod.spec.unwrap().volumes.unwrap()[0].image.clone().unwrap();
    /// assert_eq!(image.reference.as_deref(), Some("quay.io/example/model:v1"));
    /// # Ok::<(), k8s_dsl::Errors>(())
    /// ```
    pub fn image(name: impl Into<String>, reference: impl Into<String>) -> ImageVolume {
        ImageVolume {
            name: name.into(),
            reference: reference.into(),
            pull_policy: None,
        }
    }
}

/// An NFS volume (see [`Volume::nfs`]).
///
/// ```
/// use k8s_dsl::prelude::*;
///
/// let shared = Volume::nfs("shared", "nfs.example.com", "/exports/shared").read_only();
/// let pod = Pod::new("web")
///     .volume(&shared)
///     .container(Container::new("web").image("nginx:1.27").mount_read_only(&shared, "/srv"))
///     .build()?;
/// let nfs = pod.spec.unwrap().volumes.unwrap()[0].nfs.clone().unwrap();
/// assert_eq!(nfs.path, "/exports/shared");
/// # Ok::<(), k8s_dsl::Errors>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct NfsVolume {
    name: String,
    server: String,
    path: String,
    read_only: bool,
}

impl NfsVolume {
    /// Mounts the export read-only.
    pub fn read_only(mut self) -> Self {
        self.read_only = true;
        self
    }

    fn to_k8s(&self) -> k8s::Volume {
        k8s::Volume {
            name: self.name.clone(),
            nfs: Some(k8s::NFSVolumeSource {
                server: self.server.clone(),
                path: self.path.clone(),
                read_only: self.read_only.then_some(true),
                ..Default::default()
            }),
            ..Default::default()
        }
    }
}

/// An inline CSI volume (see [`Volume::csi`]).
///
/// ```
/// use k8s_dsl::prelude::*;
///
/// let data = Volume::csi("data", "csi.example.com")
///     .read_only()
///     .fs_type("ext4")
///     .attribute("pool", "fast")
///     .node_publish_secret("csi-credentials");
/// let pod = Pod::new("app")
///     .volume(&data)
///     .container(Container::new("app").image("app:1.4").mount_read_only(&data, "/data"))
///     .build()?;
/// let csi = pod.spec.unwrap().volumes.unwrap()[0].csi.clone().unwrap();
/// assert_eq!(csi.fs_type.as_deref(), Some("ext4"));
/// assert_eq!(csi.node_publish_secret_ref.unwrap().name, "csi-credentials");
/// # Ok::<(), k8s_dsl::Errors>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct CsiVolume {
    name: String,
    driver: String,
    read_only: bool,
    fs_type: Option<String>,
    attributes: BTreeMap<String, String>,
    secret: Option<String>,
}

impl CsiVolume {
    /// Mounts the volume read-only.
    pub fn read_only(mut self) -> Self {
        self.read_only = true;
        self
    }

    /// The file system to mount (`ext4`, `xfs`, ...), passed to the driver.
    pub fn fs_type(mut self, fs_type: impl Into<String>) -> Self {
        self.fs_type = Some(fs_type.into());
        self
    }

    /// A driver-specific attribute (`volumeAttributes`).
    pub fn attribute(mut self, key: impl Into<String>, value: impl Into<String>) -> Self {
        self.attributes.insert(key.into(), value.into());
        self
    }

    /// The Secret passed to the driver's publish calls (`nodePublishSecretRef`).
    pub fn node_publish_secret(mut self, secret: impl Into<String>) -> Self {
        self.secret = Some(secret.into());
        self
    }

    fn to_k8s(&self) -> k8s::Volume {
        k8s::Volume {
            name: self.name.clone(),
            csi: Some(k8s::CSIVolumeSource {
                driver: self.driver.clone(),
                read_only: self.read_only.then_some(true),
                fs_type: self.fs_type.clone(),
                volume_attributes: (!self.attributes.is_empty()).then(|| self.attributes.clone()),
                node_publish_secret_ref: self
                    .secret
                    .clone()
                    .map(|name| k8s::LocalObjectReference { name }),
                ..Default::default()
            }),
            ..Default::default()
        }
    }
}

/// An ephemeral volume (see [`Volume::ephemeral`]).
///
/// ```
/// use k8s_dsl::prelude::*;
///
/// let scratch = Volume::ephemeral("scratch", AccessMode::ReadWriteOnce, "10Gi")
///     .access_mode(AccessMode::ReadOnlyMany)
///     .storage_class("fast")
///     .label("purpose", "scratch");
/// let pod = Pod::new("batch")
///     .volume(&scratch)
///     .container(Container::new("work").image("busybox:1.36").mount(&scratch, "/scratch"))
///     .build()?;
/// let ephemeral = pod.spec.unwrap().volumes.unwrap()[0].ephemeral.clone().unwrap();
/// let template = ephemeral.volume_claim_template.unwrap();
/// assert_eq!(template.spec.access_modes.unwrap().len(), 2);
/// assert_eq!(template.metadata.unwrap().labels.unwrap()["purpose"], "scratch");
/// # Ok::<(), k8s_dsl::Errors>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct EphemeralVolume {
    name: String,
    access_modes: Vec<AccessMode>,
    size: String,
    storage_class: Option<String>,
    labels: BTreeMap<String, String>,
}

impl EphemeralVolume {
    /// Adds an access mode of the claim.
    pub fn access_mode(mut self, mode: AccessMode) -> Self {
        self.access_modes.push(mode);
        self
    }

    /// The StorageClass of the claim.
    pub fn storage_class(mut self, class: impl Into<String>) -> Self {
        self.storage_class = Some(class.into());
        self
    }

    /// A label of the claim.
    pub fn label(mut self, key: impl Into<String>, value: impl Into<String>) -> Self {
        self.labels.insert(key.into(), value.into());
        self
    }

    fn to_k8s(&self) -> k8s::Volume {
        let metadata = (!self.labels.is_empty()).then(|| {
            k8s_openapi::apimachinery::pkg::apis::meta::v1::ObjectMeta {
                labels: Some(self.labels.clone()),
                ..Default::default()
            }
        });
        let requests = BTreeMap::from([("storage".to_owned(), K8sQuantity(self.size.clone()))]);
        k8s::Volume {
            name: self.name.clone(),
            ephemeral: Some(k8s::EphemeralVolumeSource {
                volume_claim_template: Some(k8s::PersistentVolumeClaimTemplate {
                    metadata,
                    spec: k8s::PersistentVolumeClaimSpec {
                        access_modes: Some(
                            self.access_modes
                                .iter()
                                .map(|m| m.as_str().to_owned())
                                .collect(),
                        ),
                        resources: Some(k8s::VolumeResourceRequirements {
                            requests: Some(requests),
                            ..Default::default()
                        }),
                        storage_class_name: self.storage_class.clone(),
                        ..Default::default()
                    },
                    ..Default::default()
                }),
                ..Default::default()
            }),
            ..Default::default()
        }
    }
}

/// An image volume (see [`Volume::image`]).
///
/// ```
/// use k8s_dsl::prelude::*;
///
/// let model = Volume::image("model", "quay.io/example/model:v1").pull_policy(ImagePullPolicy::IfNotPresent);
/// let pod = Pod::new("serve")
///     .volume(&model)
///     .container(Container::new("serve").image("server:2.0").mount_read_only(&model, "/model"))
///     .build()?;
/// let image = pod.spec.unwrap().volumes.unwrap()[0].image.clone().unwrap();
/// assert_eq!(image.pull_policy.as_deref(), Some("IfNotPresent"));
/// # Ok::<(), k8s_dsl::Errors>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct ImageVolume {
    name: String,
    reference: String,
    pull_policy: Option<ImagePullPolicy>,
}

impl ImageVolume {
    /// When the kubelet pulls the image (as for a container's image).
    pub fn pull_policy(mut self, policy: ImagePullPolicy) -> Self {
        self.pull_policy = Some(policy);
        self
    }

    fn to_k8s(&self) -> k8s::Volume {
        k8s::Volume {
            name: self.name.clone(),
            image: Some(k8s::ImageVolumeSource {
                reference: Some(self.reference.clone()),
                pull_policy: self.pull_policy.map(|p| p.as_str().to_owned()),
                ..Default::default()
            }),
            ..Default::default()
        }
    }
}

macro_rules! raw_volume_handle {
    ($($ty:ident),+) => {$(
        impl VolumeName for $ty {
            fn volume_name(&self) -> &str {
                &self.name
            }
        }
        impl VolumeName for &$ty {
            fn volume_name(&self) -> &str {
                &self.name
            }
        }
        impl From<$ty> for Volume {
            fn from(volume: $ty) -> Volume {
                Volume::from_k8s(volume.to_k8s())
            }
        }
        impl From<&$ty> for Volume {
            fn from(volume: &$ty) -> Volume {
                Volume::from_k8s(volume.to_k8s())
            }
        }
    )+};
}

raw_volume_handle!(NfsVolume, CsiVolume, EphemeralVolume, ImageVolume);
