//! Pod volumes: declared once on the pod, mounted by any container by handle or by name.
//!
//! Each constructor on [`Volume`] returns a small builder for one volume source
//! ([`EmptyDirVolume`], [`ConfigMapVolume`], ...), so a setting of another source cannot be
//! given by mistake and every volume has exactly one source (rule 36). All of them convert
//! into [`Volume`] and name a volume ([`VolumeName`]), so the same value is declared on the
//! pod and handed to `Container::mount`:
//!
//! ```
//! use k8s_dsl::prelude::*;
//!
//! let logs = Volume::empty_dir("logs");
//! let pod = Pod::new("web")
//!     .volume(&logs)
//!     .container(Container::new("web").image("nginx:1.27").mount(&logs, "/var/log/nginx"))
//!     .build()?;
//! assert_eq!(pod.spec.and_then(|s| s.volumes).map(|v| v.len()), Some(1));
//! # Ok::<(), k8s_dsl::Errors>(())
//! ```

// k8s-openapi structs gain fields between Kubernetes versions: every literal ends with
// `..Default::default()` so it compiles against each supported version.
#![allow(clippy::needless_update)]

use k8s_openapi::api::core::v1 as k8s;
use k8s_openapi::apimachinery::pkg::api::resource::Quantity as K8sQuantity;

use super::VolumeName;
use crate::rules::enums::StorageMedium;
use crate::rules::quantity::Quantity;
use crate::rules::{env, labels, names, shown, Checked, Violation};
use crate::validate::pod::local_path;
use crate::validate::{At, Report};
use crate::value::Parsed;

/// A pod volume with exactly one source. Made by the constructors below, which return a
/// builder for that source; every builder converts into `Volume` (and `&builder` too, so the
/// handle stays usable for mounts).
///
/// ```
/// use k8s_dsl::prelude::*;
///
/// let cache = Volume::empty_dir("cache");
/// let settings = Volume::config_map("settings", "web-config");
/// let pod = Pod::new("web")
///     .volume(&cache)
///     .volume(&settings)
///     .container(
///         Container::new("web")
///             .image("nginx:1.27")
///             .mount(&cache, "/var/cache/nginx")
///             .mount_read_only(&settings, "/etc/nginx/conf.d"),
///     )
///     .build()?;
/// assert_eq!(pod.spec.unwrap_or_default().volumes.unwrap_or_default().len(), 2);
/// # Ok::<(), k8s_dsl::Errors>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Volume {
    source: Source,
}

#[derive(Debug, Clone, PartialEq)]
enum Source {
    EmptyDir(EmptyDirVolume),
    ConfigMap(ConfigMapVolume),
    Secret(SecretVolume),
    Claim(ClaimVolume),
    DownwardApi(DownwardApiVolume),
    Projected(ProjectedVolume),
    HostPath(HostPathVolume),
    Raw(Box<k8s::Volume>),
}

impl Volume {
    /// An `emptyDir` volume: scratch space that lives as long as the pod, the usual way for
    /// containers of one pod to share files.
    pub fn empty_dir(name: impl Into<String>) -> EmptyDirVolume {
        EmptyDirVolume {
            name: name.into(),
            medium: None,
            size_limit: None,
        }
    }

    /// A volume holding the keys of ConfigMap `config_map` as files.
    pub fn config_map(name: impl Into<String>, config_map: impl Into<String>) -> ConfigMapVolume {
        ConfigMapVolume {
            name: name.into(),
            files: KeyFiles::new(config_map.into()),
        }
    }

    /// A volume holding the keys of Secret `secret` as files.
    pub fn secret(name: impl Into<String>, secret: impl Into<String>) -> SecretVolume {
        SecretVolume {
            name: name.into(),
            files: KeyFiles::new(secret.into()),
        }
    }

    /// A volume backed by the PersistentVolumeClaim `claim` of the pod's namespace.
    pub fn persistent_volume_claim(
        name: impl Into<String>,
        claim: impl Into<String>,
    ) -> ClaimVolume {
        ClaimVolume {
            name: name.into(),
            claim: claim.into(),
            read_only: false,
        }
    }

    /// A downward API volume: files holding the pod's own metadata and resources.
    pub fn downward_api(name: impl Into<String>) -> DownwardApiVolume {
        DownwardApiVolume {
            name: name.into(),
            items: Vec::new(),
            default_mode: None,
        }
    }

    /// A projected volume: several sources (ConfigMaps, Secrets, downward API, a service
    /// account token) in one directory.
    pub fn projected(name: impl Into<String>) -> ProjectedVolume {
        ProjectedVolume {
            name: name.into(),
            sources: Vec::new(),
            default_mode: None,
        }
    }

    /// A directory of the node (`hostPath`). Rarely right for applications: the pod sees
    /// whatever the node holds there.
    pub fn host_path(name: impl Into<String>, path: impl Into<String>) -> HostPathVolume {
        HostPathVolume {
            name: name.into(),
            path: path.into(),
            kind: None,
        }
    }

    /// Any volume source in k8s-openapi form (CSI, NFS, ephemeral, ...). `build()` still
    /// checks its name (rule 7) and that exactly one source is set (rule 36).
    pub fn from_k8s(volume: k8s::Volume) -> Volume {
        Volume {
            source: Source::Raw(Box::new(volume)),
        }
    }

    /// The volume's name.
    pub fn name(&self) -> &str {
        match &self.source {
            Source::EmptyDir(v) => &v.name,
            Source::ConfigMap(v) => &v.name,
            Source::Secret(v) => &v.name,
            Source::Claim(v) => &v.name,
            Source::DownwardApi(v) => &v.name,
            Source::Projected(v) => &v.name,
            Source::HostPath(v) => &v.name,
            Source::Raw(v) => &v.name,
        }
    }

    /// The k8s-openapi volume, checking it into `report`; `path` is `spec.volumes[i]`.
    pub(crate) fn to_k8s(&self, path: &At<'_>, report: &mut Report) -> k8s::Volume {
        // Checked with the pod spec (`validate::pod`): the name (rule 7), one source and the
        // source's names, paths and modes (rules 34, 36).
        let mut volume = k8s::Volume {
            name: self.name().to_owned(),
            ..k8s::Volume::default()
        };
        match &self.source {
            Source::EmptyDir(v) => {
                volume.empty_dir = Some(v.to_k8s(&path.field("emptyDir"), report))
            }
            Source::ConfigMap(v) => {
                let f = &v.files;
                volume.config_map = Some(k8s::ConfigMapVolumeSource {
                    name: f.object.clone(),
                    items: f.items_to_k8s(),
                    default_mode: f.default_mode,
                    optional: f.optional,
                    ..Default::default()
                });
            }
            Source::Secret(v) => {
                let f = &v.files;
                volume.secret = Some(k8s::SecretVolumeSource {
                    secret_name: Some(f.object.clone()),
                    items: f.items_to_k8s(),
                    default_mode: f.default_mode,
                    optional: f.optional,
                    ..Default::default()
                });
            }
            Source::Claim(v) => {
                volume.persistent_volume_claim = Some(k8s::PersistentVolumeClaimVolumeSource {
                    claim_name: v.claim.clone(),
                    read_only: v.read_only.then_some(true),
                    ..Default::default()
                });
            }
            Source::DownwardApi(v) => {
                let p = path.field("downwardAPI");
                volume.downward_api = Some(k8s::DownwardAPIVolumeSource {
                    items: downward_items_to_k8s(&p.field("items"), &v.items, report),
                    default_mode: v.default_mode,
                    ..Default::default()
                });
            }
            Source::Projected(v) => {
                volume.projected = Some(v.to_k8s(&path.field("projected"), report))
            }
            Source::HostPath(v) => {
                volume.host_path = Some(k8s::HostPathVolumeSource {
                    path: v.path.clone(),
                    type_: v.kind.clone(),
                    ..Default::default()
                });
            }
            Source::Raw(raw) => volume = (**raw).clone(),
        }
        volume
    }
}

macro_rules! volume_handle {
    ($($ty:ident => $variant:ident),+) => {$(
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
                Volume { source: Source::$variant(volume) }
            }
        }
        impl From<&$ty> for Volume {
            fn from(volume: &$ty) -> Volume {
                Volume { source: Source::$variant(volume.clone()) }
            }
        }
    )+};
}

volume_handle!(
    EmptyDirVolume => EmptyDir,
    ConfigMapVolume => ConfigMap,
    SecretVolume => Secret,
    ClaimVolume => Claim,
    DownwardApiVolume => DownwardApi,
    ProjectedVolume => Projected,
    HostPathVolume => HostPath
);

impl VolumeName for Volume {
    fn volume_name(&self) -> &str {
        self.name()
    }
}

impl VolumeName for &Volume {
    fn volume_name(&self) -> &str {
        self.name()
    }
}

impl From<&Volume> for Volume {
    fn from(volume: &Volume) -> Volume {
        volume.clone()
    }
}

/// An `emptyDir` volume (see [`Volume::empty_dir`]).
///
/// ```
/// use k8s_dsl::prelude::*;
///
/// let scratch = Volume::empty_dir("scratch").medium(StorageMedium::Memory).size_limit("256Mi");
/// let pod = Pod::new("web")
///     .volume(&scratch)
///     .container(Container::new("web").image("nginx:1.27").mount(&scratch, "/tmp"))
///     .build()?;
/// let volumes = pod.spec.unwrap().volumes.unwrap();
/// let empty_dir = volumes[0].empty_dir.clone().unwrap();
/// assert_eq!(empty_dir.medium.as_deref(), Some("Memory"));
/// assert_eq!(empty_dir.size_limit.unwrap().0, "256Mi");
///
/// let errors = Pod::new("web")
///     .volume(Volume::empty_dir("scratch").size_limit("-1Gi"))
///     .container(Container::new("web").image("nginx:1.27"))
///     .build()
///     .unwrap_err();
/// assert!(errors.has("spec.volumes[0].emptyDir.sizeLimit", 48));
/// # Ok::<(), k8s_dsl::Errors>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct EmptyDirVolume {
    name: String,
    medium: Option<StorageMedium>,
    size_limit: Option<Parsed<Quantity>>,
}

impl EmptyDirVolume {
    /// Where the directory lives: `Memory` (a tmpfs, counted against the container's memory)
    /// or `HugePages`. Unset: the node's disk.
    pub fn medium(mut self, medium: StorageMedium) -> Self {
        self.medium = Some(medium);
        self
    }

    /// The most the volume may hold (`"1Gi"`); the pod is evicted above it.
    pub fn size_limit(mut self, limit: impl Into<Parsed<Quantity>>) -> Self {
        self.size_limit = Some(limit.into());
        self
    }

    fn to_k8s(&self, path: &At<'_>, report: &mut Report) -> k8s::EmptyDirVolumeSource {
        let size_limit = self.size_limit.as_ref().and_then(|limit| {
            let at = path.field("sizeLimit");
            let quantity = report.check(&at, limit.parse())?;
            if quantity.is_negative() {
                // `validateVolumeSource`: the size limit may not be negative (rule 48's quantities).
                report.error(
                    &at,
                    48,
                    format!("size limit `{quantity}` is negative"),
                    "give a positive size, such as `1Gi`",
                );
            }
            Some(K8sQuantity(quantity.as_str().to_owned()))
        });
        k8s::EmptyDirVolumeSource {
            medium: self.medium.map(|m| m.as_str().to_owned()),
            size_limit,
            ..Default::default()
        }
    }
}

/// The files of a ConfigMap or Secret volume: which object, which keys, which modes.
#[derive(Debug, Clone, PartialEq)]
struct KeyFiles {
    object: String,
    items: Vec<(String, String)>,
    default_mode: Option<i32>,
    optional: Option<bool>,
}

impl KeyFiles {
    fn new(object: String) -> Self {
        KeyFiles {
            object,
            items: Vec::new(),
            default_mode: None,
            optional: None,
        }
    }

    fn items_to_k8s(&self) -> Option<Vec<k8s::KeyToPath>> {
        key_items_to_k8s(&self.items)
    }
}

/// The items of a ConfigMap or Secret source (checked by `validate::pod`: rule 36).
fn key_items_to_k8s(items: &[(String, String)]) -> Option<Vec<k8s::KeyToPath>> {
    if items.is_empty() {
        return None;
    }
    let out = items
        .iter()
        .map(|(key, file)| k8s::KeyToPath {
            key: key.clone(),
            path: file.clone(),
            mode: None,
            ..Default::default()
        })
        .collect();
    Some(out)
}

macro_rules! key_files_methods {
    ($ty:ident, $what:literal) => {
        impl $ty {
            #[doc = concat!("Projects only the key `key` of the ", $what, ", as the file `path` (relative to the mount point). Without items every key becomes a file named after it.")]
            pub fn item(mut self, key: impl Into<String>, path: impl Into<String>) -> Self {
                self.files.items.push((key.into(), path.into()));
                self
            }

            #[doc = concat!("Projects several keys of the ", $what, " as `(key, path)` pairs.")]
            pub fn items<K, P>(mut self, items: impl IntoIterator<Item = (K, P)>) -> Self
            where
                K: Into<String>,
                P: Into<String>,
            {
                self.files
                    .items
                    .extend(items.into_iter().map(|(k, p)| (k.into(), p.into())));
                self
            }

            /// The mode of the files, 0 to `0o777` (the API default is `0o644`).
            pub fn default_mode(mut self, mode: i32) -> Self {
                self.files.default_mode = Some(mode);
                self
            }

            #[doc = concat!("Lets the pod start when the ", $what, " (or a projected key) does not exist.")]
            pub fn optional(mut self) -> Self {
                self.files.optional = Some(true);
                self
            }
        }
    };
}

/// A ConfigMap volume (see [`Volume::config_map`]).
///
/// ```
/// use k8s_dsl::prelude::*;
///
/// let config = Volume::config_map("config", "web-config")
///     .item("nginx.conf", "nginx.conf")
///     .default_mode(0o644);
/// let pod = Pod::new("web")
///     .volume(&config)
///     .container(Container::new("web").image("nginx:1.27").mount_read_only(&config, "/etc/nginx"))
///     .build()?;
/// let source = pod.spec.unwrap().volumes.unwrap()[0].config_map.clone().unwrap();
/// assert_eq!(source.name, "web-config");
/// assert_eq!(source.default_mode, Some(0o644));
/// assert_eq!(source.items.unwrap()[0].key, "nginx.conf");
///
/// let errors = Pod::new("web")
///     .volume(Volume::config_map("config", "web-config").default_mode(644)) // not octal
///     .container(Container::new("web").image("nginx:1.27"))
///     .build()
///     .unwrap_err();
/// assert!(errors.has("spec.volumes[0].configMap.defaultMode", 36));
/// # Ok::<(), k8s_dsl::Errors>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct ConfigMapVolume {
    name: String,
    files: KeyFiles,
}

key_files_methods!(ConfigMapVolume, "config map");

/// A Secret volume (see [`Volume::secret`]).
///
/// ```
/// use k8s_dsl::prelude::*;
///
/// let tls = Volume::secret("tls", "web-tls")
///     .items([("tls.crt", "cert.pem"), ("tls.key", "key.pem")]);
/// let pod = Pod::new("web")
///     .volume(&tls)
///     .container(Container::new("web").image("nginx:1.27").mount_read_only(&tls, "/etc/tls"))
///     .build()?;
/// let source = pod.spec.unwrap().volumes.unwrap()[0].secret.clone().unwrap();
/// assert_eq!(source.secret_name.as_deref(), Some("web-tls"));
/// assert_eq!(source.items.unwrap()[1].path, "key.pem");
/// # Ok::<(), k8s_dsl::Errors>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct SecretVolume {
    name: String,
    files: KeyFiles,
}

key_files_methods!(SecretVolume, "secret");

/// A PersistentVolumeClaim volume (see [`Volume::persistent_volume_claim`]).
///
/// ```
/// use k8s_dsl::prelude::*;
///
/// let data = Volume::persistent_volume_claim("data", "postgres-data").read_only();
/// let pod = Pod::new("backup")
///     .volume(&data)
///     .container(Container::new("backup").image("postgres:17").mount(&data, "/data"))
///     .build()?;
/// let claim = pod.spec.unwrap().volumes.unwrap()[0].persistent_volume_claim.clone().unwrap();
/// assert_eq!(claim.claim_name, "postgres-data");
/// assert_eq!(claim.read_only, Some(true));
/// # Ok::<(), k8s_dsl::Errors>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct ClaimVolume {
    name: String,
    claim: String,
    read_only: bool,
}

impl ClaimVolume {
    /// Attaches the claim read-only for every mount.
    pub fn read_only(mut self) -> Self {
        self.read_only = true;
        self
    }
}

/// One file of a downward API volume or projection.
#[derive(Debug, Clone, PartialEq)]
enum DownwardItem {
    /// A field of the pod (`metadata.labels`).
    Field { path: String, field_path: String },
    /// A resource of one container (`limits.memory`).
    Resource {
        path: String,
        container: String,
        resource: String,
    },
}

/// The fields a downward API *volume* may expose (`validDownwardAPIFieldPathExpressions`);
/// env vars allow more (rule 32).
const VOLUME_FIELD_PATHS: &[&str] = &[
    "metadata.name",
    "metadata.namespace",
    "metadata.uid",
    "metadata.labels",
    "metadata.annotations",
];

/// `validateDownwardAPIVolumeFile` (rule 32 for volumes): the field paths a volume file may
/// expose, including one label or annotation (`metadata.labels['app']`).
fn volume_field_path(value: &str) -> Checked {
    if VOLUME_FIELD_PATHS.contains(&value) {
        return Ok(());
    }
    for (prefix, key_rule) in [
        (
            "metadata.labels['",
            labels::label_key as fn(&str) -> Checked,
        ),
        ("metadata.annotations['", labels::annotation_key),
    ] {
        if let Some(key) = value
            .strip_prefix(prefix)
            .and_then(|rest| rest.strip_suffix("']"))
        {
            return key_rule(key).map_err(|v| Violation::new(32, v.message, v.fix));
        }
    }
    let fix = match crate::rules::suggest::closest(value, VOLUME_FIELD_PATHS.iter().copied()) {
        Some(close) => format!("use `{close}`"),
        None => "use `metadata.labels`, `metadata.annotations`, `metadata.name`, `metadata.namespace`, `metadata.uid` or `metadata.labels['<key>']`".to_owned(),
    };
    Err(Violation::new(
        32,
        format!(
            "{} is not a field a downward API volume can expose",
            shown(value)
        ),
        fix,
    ))
}

fn downward_items_to_k8s(
    path: &At<'_>,
    items: &[DownwardItem],
    report: &mut Report,
) -> Option<Vec<k8s::DownwardAPIVolumeFile>> {
    if items.is_empty() {
        return None;
    }
    let out = items
        .iter()
        .enumerate()
        .map(|(i, item)| {
            let at = path.index(i);
            match item {
                DownwardItem::Field {
                    path: file,
                    field_path,
                } => {
                    report.check(&at.field("path"), local_path(file));
                    report.check(
                        &at.field("fieldRef").field("fieldPath"),
                        volume_field_path(field_path),
                    );
                    k8s::DownwardAPIVolumeFile {
                        path: file.clone(),
                        field_ref: Some(k8s::ObjectFieldSelector {
                            field_path: field_path.clone(),
                            api_version: None,
                            ..Default::default()
                        }),
                        ..k8s::DownwardAPIVolumeFile::default()
                    }
                }
                DownwardItem::Resource {
                    path: file,
                    container,
                    resource,
                } => {
                    let r = at.field("resourceFieldRef");
                    report.check(&at.field("path"), local_path(file));
                    // Volumes must name the container (`validateContainerResourceFieldSelector`).
                    report.check(&r.field("containerName"), names::container_name(container));
                    report.check(&r.field("resource"), env::resource_field(resource));
                    k8s::DownwardAPIVolumeFile {
                        path: file.clone(),
                        resource_field_ref: Some(k8s::ResourceFieldSelector {
                            container_name: Some(container.clone()),
                            resource: resource.clone(),
                            divisor: None,
                            ..Default::default()
                        }),
                        ..k8s::DownwardAPIVolumeFile::default()
                    }
                }
            }
        })
        .collect();
    Some(out)
}

/// A downward API volume (see [`Volume::downward_api`]).
///
/// ```
/// use k8s_dsl::prelude::*;
///
/// let info = Volume::downward_api("podinfo")
///     .field_item("labels", "metadata.labels")
///     .resource_item("mem_limit", "web", "limits.memory")
///     .default_mode(0o444);
/// let pod = Pod::new("web")
///     .volume(&info)
///     .container(
///         Container::new("web")
///             .image("nginx:1.27")
///             .memory("64Mi", "128Mi")
///             .mount_read_only(&info, "/etc/podinfo"),
///     )
///     .build()?;
/// let source = pod.spec.unwrap().volumes.unwrap()[0].downward_api.clone().unwrap();
/// let items = source.items.unwrap();
/// assert_eq!(items[0].field_ref.as_ref().unwrap().field_path, "metadata.labels");
/// assert_eq!(items[1].resource_field_ref.as_ref().unwrap().resource, "limits.memory");
/// assert_eq!(source.default_mode, Some(0o444));
/// # Ok::<(), k8s_dsl::Errors>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct DownwardApiVolume {
    name: String,
    items: Vec<DownwardItem>,
    default_mode: Option<i32>,
}

impl DownwardApiVolume {
    /// Writes the pod field `field_path` (`metadata.labels`, `metadata.annotations`,
    /// `metadata.name`, `metadata.namespace`, `metadata.uid`, `metadata.labels['<key>']`) to the
    /// file `path`.
    pub fn field_item(mut self, path: impl Into<String>, field_path: impl Into<String>) -> Self {
        self.items.push(DownwardItem::Field {
            path: path.into(),
            field_path: field_path.into(),
        });
        self
    }

    /// Writes the resource `resource` (`limits.memory`, `requests.cpu`, ...) of container
    /// `container` to the file `path`.
    pub fn resource_item(
        mut self,
        path: impl Into<String>,
        container: impl Into<String>,
        resource: impl Into<String>,
    ) -> Self {
        self.items.push(DownwardItem::Resource {
            path: path.into(),
            container: container.into(),
            resource: resource.into(),
        });
        self
    }

    /// The mode of the files, 0 to `0o777`.
    pub fn default_mode(mut self, mode: i32) -> Self {
        self.default_mode = Some(mode);
        self
    }
}

/// A service account token projected into a volume (see [`ProjectedVolume::service_account_token`]).
///
/// ```
/// use k8s_dsl::prelude::*;
///
/// let token = ServiceAccountToken::new("token").audience("vault").expiration("1h");
/// let pod = Pod::new("web")
///     .service_account_name("web")
///     .volume(Volume::projected("vault-token").service_account_token(token))
///     .container(Container::new("web").image("nginx:1.27"))
///     .build()?;
/// let projected = pod.spec.unwrap().volumes.unwrap()[0].projected.clone().unwrap();
/// let sources = projected.sources.unwrap();
/// let projection = sources[0].service_account_token.clone().unwrap();
/// assert_eq!(projection.audience.as_deref(), Some("vault"));
/// assert_eq!(projection.expiration_seconds, Some(3600));
///
/// let short = ServiceAccountToken::new("token").expiration("5m");
/// let errors = Pod::new("web")
///     .service_account_name("web")
///     .volume(Volume::projected("vault-token").service_account_token(short))
///     .container(Container::new("web").image("nginx:1.27"))
///     .build()
///     .unwrap_err();
/// assert!(errors.has(
///     "spec.volumes[0].projected.sources[0].serviceAccountToken.expirationSeconds",
///     36
/// ));
/// # Ok::<(), k8s_dsl::Errors>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct ServiceAccountToken {
    path: String,
    audience: Option<String>,
    expiration: Option<Parsed<crate::rules::duration::Duration>>,
}

impl ServiceAccountToken {
    /// A token written to the file `path`.
    pub fn new(path: impl Into<String>) -> Self {
        ServiceAccountToken {
            path: path.into(),
            audience: None,
            expiration: None,
        }
    }

    /// The audience the token is for (default: the API server).
    pub fn audience(mut self, audience: impl Into<String>) -> Self {
        self.audience = Some(audience.into());
        self
    }

    /// How long the token lives, at least 10 minutes (`"1h"`); the kubelet renews it.
    pub fn expiration(
        mut self,
        expiration: impl Into<Parsed<crate::rules::duration::Duration>>,
    ) -> Self {
        self.expiration = Some(expiration.into());
        self
    }

    fn to_k8s(&self, path: &At<'_>, report: &mut Report) -> k8s::ServiceAccountTokenProjection {
        report.check(&path.field("path"), local_path(&self.path));
        let expiration_seconds = self.expiration.as_ref().and_then(|e| {
            let at = path.field("expirationSeconds");
            // Its range (rule 36) is checked over the object (`validate::pod`).
            let seconds = report.check(&at, e.parse())?.as_secs();
            Some(seconds)
        });
        k8s::ServiceAccountTokenProjection {
            path: self.path.clone(),
            audience: self.audience.clone(),
            expiration_seconds,
            ..Default::default()
        }
    }
}

/// One source of a projected volume.
#[derive(Debug, Clone, PartialEq)]
enum Projection {
    ConfigMap {
        name: String,
        items: Vec<(String, String)>,
    },
    Secret {
        name: String,
        items: Vec<(String, String)>,
    },
    DownwardApi(Vec<DownwardItem>),
    Token(ServiceAccountToken),
}

/// A projected volume (see [`Volume::projected`]).
///
/// ```
/// use k8s_dsl::prelude::*;
///
/// let all = Volume::projected("all-in-one")
///     .config_map("web-config")
///     .secret_items("web-tls", [("tls.crt", "tls/cert.pem")])
///     .field_item("labels", "metadata.labels")
///     .default_mode(0o440);
/// let pod = Pod::new("web")
///     .volume(&all)
///     .container(Container::new("web").image("nginx:1.27").mount_read_only(&all, "/etc/web"))
///     .build()?;
/// let projected = pod.spec.unwrap().volumes.unwrap()[0].projected.clone().unwrap();
/// let sources = projected.sources.unwrap();
/// assert_eq!(sources.len(), 3);
/// assert_eq!(sources[0].config_map.as_ref().unwrap().name, "web-config");
/// assert_eq!(sources[1].secret.as_ref().unwrap().name, "web-tls");
/// assert!(sources[2].downward_api.is_some());
/// assert_eq!(projected.default_mode, Some(0o440));
/// # Ok::<(), k8s_dsl::Errors>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct ProjectedVolume {
    name: String,
    sources: Vec<Projection>,
    default_mode: Option<i32>,
}

fn pairs<K: Into<String>, P: Into<String>>(
    items: impl IntoIterator<Item = (K, P)>,
) -> Vec<(String, String)> {
    items
        .into_iter()
        .map(|(k, p)| (k.into(), p.into()))
        .collect()
}

impl ProjectedVolume {
    /// Adds every key of ConfigMap `name`.
    pub fn config_map(mut self, name: impl Into<String>) -> Self {
        self.sources.push(Projection::ConfigMap {
            name: name.into(),
            items: Vec::new(),
        });
        self
    }

    /// Adds some keys of ConfigMap `name` as `(key, path)` pairs.
    pub fn config_map_items<K: Into<String>, P: Into<String>>(
        mut self,
        name: impl Into<String>,
        items: impl IntoIterator<Item = (K, P)>,
    ) -> Self {
        self.sources.push(Projection::ConfigMap {
            name: name.into(),
            items: pairs(items),
        });
        self
    }

    /// Adds every key of Secret `name`.
    pub fn secret(mut self, name: impl Into<String>) -> Self {
        self.sources.push(Projection::Secret {
            name: name.into(),
            items: Vec::new(),
        });
        self
    }

    /// Adds some keys of Secret `name` as `(key, path)` pairs.
    pub fn secret_items<K: Into<String>, P: Into<String>>(
        mut self,
        name: impl Into<String>,
        items: impl IntoIterator<Item = (K, P)>,
    ) -> Self {
        self.sources.push(Projection::Secret {
            name: name.into(),
            items: pairs(items),
        });
        self
    }

    /// Adds the downward API file `path` holding the pod field `field_path` (as in
    /// [`DownwardApiVolume::field_item`]); consecutive files share one `downwardAPI` source.
    pub fn field_item(mut self, path: impl Into<String>, field_path: impl Into<String>) -> Self {
        let item = DownwardItem::Field {
            path: path.into(),
            field_path: field_path.into(),
        };
        match self.sources.last_mut() {
            Some(Projection::DownwardApi(items)) => items.push(item),
            _ => self.sources.push(Projection::DownwardApi(vec![item])),
        }
        self
    }

    /// Adds the downward API file `path` holding the resource `resource` (`limits.memory`,
    /// `requests.cpu`, ...) of container `container` (as in
    /// [`DownwardApiVolume::resource_item`]); consecutive files share one `downwardAPI` source.
    ///
    /// ```
    /// use k8s_dsl::prelude::*;
    ///
    /// let info = Volume::projected("info")
    ///     .field_item("name", "metadata.name")
    ///     .resource_item("memory", "app", "limits.memory");
    /// let pod = Pod::new("app")
    ///     .volume(&info)
    ///     .container(Container::new("app").image("app:1.4").limit("memory", "1Gi").mount_read_only(&info, "/etc/info"))
    ///     .build()?;
    /// let projected = pod.spec.unwrap().volumes.unwrap()[0].projected.clone().unwrap();
    /// let items = projected.sources.unwrap()[0].downward_api.clone().unwrap().items.unwrap();
    /// assert_eq!(items[1].resource_field_ref.as_ref().unwrap().container_name.as_deref(), Some("app"));
    /// # Ok::<(), k8s_dsl::Errors>(())
    /// ```
    pub fn resource_item(
        mut self,
        path: impl Into<String>,
        container: impl Into<String>,
        resource: impl Into<String>,
    ) -> Self {
        let item = DownwardItem::Resource {
            path: path.into(),
            container: container.into(),
            resource: resource.into(),
        };
        match self.sources.last_mut() {
            Some(Projection::DownwardApi(items)) => items.push(item),
            _ => self.sources.push(Projection::DownwardApi(vec![item])),
        }
        self
    }

    /// Adds a service account token. A Pod with one must set `service_account_name` (rule 45).
    pub fn service_account_token(mut self, token: ServiceAccountToken) -> Self {
        self.sources.push(Projection::Token(token));
        self
    }

    /// The mode of the files, 0 to `0o777`.
    pub fn default_mode(mut self, mode: i32) -> Self {
        self.default_mode = Some(mode);
        self
    }

    fn to_k8s(&self, path: &At<'_>, report: &mut Report) -> k8s::ProjectedVolumeSource {
        let sources_path = path.field("sources");
        let sources = self
            .sources
            .iter()
            .enumerate()
            .map(|(i, source)| {
                let at = sources_path.index(i);
                match source {
                    Projection::ConfigMap { name, items } => k8s::VolumeProjection {
                        config_map: Some(k8s::ConfigMapProjection {
                            name: name.clone(),
                            items: key_items_to_k8s(items),
                            optional: None,
                            ..Default::default()
                        }),
                        ..k8s::VolumeProjection::default()
                    },
                    Projection::Secret { name, items } => k8s::VolumeProjection {
                        secret: Some(k8s::SecretProjection {
                            name: name.clone(),
                            items: key_items_to_k8s(items),
                            optional: None,
                            ..Default::default()
                        }),
                        ..k8s::VolumeProjection::default()
                    },
                    Projection::DownwardApi(items) => k8s::VolumeProjection {
                        downward_api: Some(k8s::DownwardAPIProjection {
                            items: downward_items_to_k8s(
                                &at.field("downwardAPI").field("items"),
                                items,
                                report,
                            ),
                            ..Default::default()
                        }),
                        ..k8s::VolumeProjection::default()
                    },
                    Projection::Token(token) => k8s::VolumeProjection {
                        service_account_token: Some(
                            token.to_k8s(&at.field("serviceAccountToken"), report),
                        ),
                        ..k8s::VolumeProjection::default()
                    },
                }
            })
            .collect::<Vec<_>>();
        k8s::ProjectedVolumeSource {
            sources: if sources.is_empty() {
                None
            } else {
                Some(sources)
            },
            default_mode: self.default_mode,
            ..Default::default()
        }
    }
}

/// A `hostPath` volume (see [`Volume::host_path`]).
///
/// ```
/// use k8s_dsl::prelude::*;
///
/// let logs = Volume::host_path("node-logs", "/var/log").kind("Directory");
/// let pod = Pod::new("log-shipper")
///     .volume(&logs)
///     .container(
///         Container::new("shipper")
///             .image("fluent-bit:3.2")
///             .mount_read_only(&logs, "/var/log"),
///     )
///     .build()?;
/// let host_path = pod.spec.unwrap().volumes.unwrap()[0].host_path.clone().unwrap();
/// assert_eq!(host_path.path, "/var/log");
/// assert_eq!(host_path.type_.as_deref(), Some("Directory"));
/// # Ok::<(), k8s_dsl::Errors>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct HostPathVolume {
    name: String,
    path: String,
    kind: Option<String>,
}

impl HostPathVolume {
    /// The `type` check the kubelet makes before mounting (`Directory`, `DirectoryOrCreate`,
    /// `File`, `Socket`, ...).
    pub fn kind(mut self, kind: impl Into<String>) -> Self {
        self.kind = Some(kind.into());
        self
    }
}
