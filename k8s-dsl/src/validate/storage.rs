//! PersistentVolumeClaim, PersistentVolume (`pkg/apis/core/validation`) and StorageClass
//! (`pkg/apis/storage/validation`): rules 83 to 88.
//!
//! - 83: access modes: at least one, each known, `ReadWriteOncePod` alone.
//! - 84: a claim requests a positive `storage`; its class is a DNS subdomain; `volumeMode` is
//!   `Filesystem` or `Block`.
//! - 85: a volume has a positive `capacity` of `storage` only, and exactly one source.
//! - 86: the common sources: `hostPath`, `nfs`, `local` and `csi` with their required fields.
//! - 87: the reclaim policy of a volume is `Retain`, `Delete` or `Recycle` (`Recycle` not for
//!   a host path of `/`; on other sources than `nfs` and `hostPath`, a warning).
//! - 88: a StorageClass names a provisioner, and its reclaim policy and binding mode are known.

use std::collections::BTreeMap;

use k8s_openapi::api::core::v1 as core;
use k8s_openapi::api::storage::v1 as storage;
use k8s_openapi::apimachinery::pkg::api::resource::Quantity as K8sQuantity;

use super::{meta, At, Report};
use crate::rules::enums::AccessMode;
use crate::rules::quantity::Quantity;
use crate::rules::{labels, names, shown, suggest};

const ACCESS_MODES: [&str; 4] = [
    "ReadWriteOnce",
    "ReadOnlyMany",
    "ReadWriteMany",
    "ReadWriteOncePod",
];
const VOLUME_MODES: [&str; 2] = ["Block", "Filesystem"];
const PV_RECLAIM: [&str; 3] = ["Delete", "Recycle", "Retain"];
const CLASS_RECLAIM: [&str; 2] = ["Delete", "Retain"];
const BINDING_MODES: [&str; 2] = ["Immediate", "WaitForFirstConsumer"];
const HOST_PATH_TYPES: [&str; 8] = [
    "",
    "DirectoryOrCreate",
    "Directory",
    "FileOrCreate",
    "File",
    "Socket",
    "CharDevice",
    "BlockDevice",
];
/// The largest total size of a StorageClass's parameters (`maxProvisionerParameterSize`).
const MAX_PARAMETERS: usize = 256 * 1024;
/// The longest provisioner name (`ProvisionerMaxLength`: a qualified name's prefix and name).
const MAX_PROVISIONER: usize = 63 + 253;

/// Rule 83: the access modes of a claim or a volume at `path`.
fn access_modes(modes: &[String], path: &At<'_>, report: &mut Report) {
    if modes.is_empty() {
        report.error(
            path,
            83,
            "at least 1 access mode is required",
            "add an access mode, usually `ReadWriteOnce`",
        );
        return;
    }
    for mode in modes {
        if !ACCESS_MODES.contains(&mode.as_str()) {
            // The API server reports the list (`spec.accessModes`).
            report.error(
                path,
                83,
                format!(
                    "access mode {} is not supported; supported values: {}",
                    shown(mode),
                    ACCESS_MODES.join(", ")
                ),
                suggest::fix_for_value(mode, ACCESS_MODES),
            );
        }
    }
    let once_pod = AccessMode::ReadWriteOncePod.as_str();
    if modes.len() > 1 && modes.iter().any(|m| m == once_pod) {
        report.error(
            path,
            83,
            "may not use ReadWriteOncePod with other access modes",
            "keep `ReadWriteOncePod` alone, or drop it",
        );
    }
}

/// The `storage` quantity at `path`, checked positive (rules 48 and `rule`).
fn positive_storage(quantity: &K8sQuantity, path: &At<'_>, rule: u16, report: &mut Report) {
    let Some(parsed) = report.check(path, Quantity::parse(&quantity.0)) else {
        return;
    };
    if parsed.as_nanos() <= 0 {
        report.error(
            path,
            rule,
            format!("storage {} must be greater than zero", shown(&quantity.0)),
            "give a size, such as `1Gi`",
        );
    }
}

/// Rule 84: a claim's or volume's `volumeMode`.
fn volume_mode(mode: Option<&str>, path: &At<'_>, report: &mut Report) {
    if let Some(mode) = mode.filter(|m| !VOLUME_MODES.contains(m)) {
        report.error(
            path,
            84,
            format!(
                "volume mode {} is not supported; supported values: Block, Filesystem",
                shown(mode)
            ),
            suggest::fix_for_value(mode, VOLUME_MODES),
        );
    }
}

/// Rule 84: a storage class name (`ValidateClassName`, a DNS subdomain) when not empty.
fn class_name(class: Option<&str>, path: &At<'_>, report: &mut Report) {
    if let Some(class) = class.filter(|c| !c.is_empty()) {
        report.check(
            path,
            names::dns1123_subdomain(class, 84, "storage class name"),
        );
    }
}

/// The spec of a claim at `path` (`ValidatePersistentVolumeClaimSpec`): rules 83 and 84.
/// Used for PersistentVolumeClaims and for the `volumeClaimTemplates` of StatefulSets.
pub(crate) fn claim_spec(
    spec: &core::PersistentVolumeClaimSpec,
    path: &At<'_>,
    report: &mut Report,
) {
    access_modes(
        spec.access_modes.as_deref().unwrap_or_default(),
        &path.field("accessModes"),
        report,
    );
    // The API server prints `spec.resources[storage]` for `resources.requests.storage`.
    let resources_path = path.field("resources");
    let storage_path = resources_path.key("storage");
    match spec
        .resources
        .as_ref()
        .and_then(|r| r.requests.as_ref())
        .and_then(|r| r.get("storage"))
    {
        Some(size) => positive_storage(size, &storage_path, 84, report),
        None => report.error(
            &storage_path,
            84,
            "a claim must request `storage`",
            "request a size, such as `resources.requests.storage: 1Gi`",
        ),
    }
    class_name(
        spec.storage_class_name.as_deref(),
        &path.field("storageClassName"),
        report,
    );
    volume_mode(
        spec.volume_mode.as_deref(),
        &path.field("volumeMode"),
        report,
    );
    if let Some(selector) = &spec.selector {
        if let Some(labels) = &selector.match_labels {
            meta::label_map(&path.field("selector").field("matchLabels"), labels, report);
        }
    }
}

/// Every error and warning of a PersistentVolumeClaim (`ValidatePersistentVolumeClaim`).
///
/// ```
/// use k8s_openapi::api::core::v1 as core;
///
/// let claim: core::PersistentVolumeClaim = serde_json::from_value(serde_json::json!({
///     "apiVersion": "v1", "kind": "PersistentVolumeClaim", "metadata": { "name": "data" },
///     "spec": { "accessModes": ["ReadWriteOnce", "ReadWriteOncePod"], "resources": { "requests": { "storage": "0" } } },
/// }))?;
/// let report = k8s_dsl::validate::persistent_volume_claim(&claim);
/// let has = |path: &str, rule: u16| report.errors().iter().any(|e| e.path.as_str() == path && e.rule == rule);
/// assert!(has("spec.accessModes", 83));
/// assert!(has("spec.resources[storage]", 84));
/// # Ok::<(), serde_json::Error>(())
/// ```
pub fn persistent_volume_claim(claim: &core::PersistentVolumeClaim) -> Report {
    let mut report = Report::new();
    meta::object_meta(
        &claim.metadata,
        &At::root().field("metadata"),
        meta::any_name,
        &mut report,
    );
    let spec = claim.spec.clone().unwrap_or_default();
    claim_spec(&spec, &At::root().field("spec"), &mut report);
    report
}

/// Whether `path` is absolute and has no `..` element (`validatePathNoBacksteps` and the
/// absolute-path checks).
fn clean_path(text: &str, absolute: bool, path: &At<'_>, report: &mut Report) {
    if text.is_empty() {
        report.error(
            path,
            86,
            "path is required",
            "give the path of the volume's data",
        );
        return;
    }
    if absolute && !text.starts_with('/') {
        report.error(
            path,
            86,
            format!("path {} must be an absolute path", shown(text)),
            "start the path with `/`",
        );
    }
    if text.split('/').any(|part| part == "..") {
        report.error(
            path,
            86,
            format!("path {} must not contain `..`", shown(text)),
            "write the path without `..` elements",
        );
    }
}

/// Rule 86: the common sources of a volume, each with its required fields.
fn sources(spec: &core::PersistentVolumeSpec, path: &At<'_>, report: &mut Report) {
    if let Some(host) = &spec.host_path {
        let at = path.field("hostPath");
        clean_path(&host.path, false, &at.field("path"), report);
        if let Some(kind) = host
            .type_
            .as_deref()
            .filter(|t| !HOST_PATH_TYPES.contains(t))
        {
            report.error(
                &at.field("type"),
                86,
                format!("host path type {} is not supported", shown(kind)),
                suggest::fix_for_value(kind, HOST_PATH_TYPES),
            );
        }
    }
    if let Some(nfs) = &spec.nfs {
        let at = path.field("nfs");
        if nfs.server.is_empty() {
            report.error(
                &at.field("server"),
                86,
                "server is required",
                "give the NFS server's host name or address",
            );
        }
        if nfs.path.is_empty() {
            report.error(
                &at.field("path"),
                86,
                "path is required",
                "give the exported path",
            );
        } else if !nfs.path.starts_with('/') {
            report.error(
                &at.field("path"),
                86,
                format!("path {} must be an absolute path", shown(&nfs.path)),
                "start the exported path with `/`",
            );
        }
    }
    if let Some(local) = &spec.local {
        clean_path(
            &local.path,
            false,
            &path.field("local").field("path"),
            report,
        );
        if spec.node_affinity.is_none() {
            report.error(
                &path.field("nodeAffinity"),
                86,
                "a local volume requires node affinity",
                "select the node that holds the disk with `nodeAffinity.required`",
            );
        }
    }
    if let Some(csi) = &spec.csi {
        let at = path.field("csi");
        if csi.driver.is_empty() {
            report.error(
                &at.field("driver"),
                86,
                "driver is required",
                "name the CSI driver, such as `ebs.csi.aws.com`",
            );
        } else if csi.driver.len() > 63 {
            report.error(
                &at.field("driver"),
                86,
                format!(
                    "driver {} must be no more than 63 characters",
                    shown(&csi.driver)
                ),
                "use the driver's registered name",
            );
        } else {
            report.check(
                &at.field("driver"),
                names::dns1123_subdomain(&csi.driver.to_lowercase(), 86, "CSI driver name"),
            );
        }
        if csi.volume_handle.is_empty() {
            report.error(
                &at.field("volumeHandle"),
                86,
                "volumeHandle is required",
                "give the driver's identifier of the volume",
            );
        }
    }
}

/// The volume sources `spec` sets, in the order `ValidatePersistentVolumeSpec` looks at them.
fn source_names(spec: &core::PersistentVolumeSpec) -> Vec<&'static str> {
    [
        ("hostPath", spec.host_path.is_some()),
        ("gcePersistentDisk", spec.gce_persistent_disk.is_some()),
        (
            "awsElasticBlockStore",
            spec.aws_elastic_block_store.is_some(),
        ),
        ("glusterfs", spec.glusterfs.is_some()),
        ("flocker", spec.flocker.is_some()),
        ("nfs", spec.nfs.is_some()),
        ("rbd", spec.rbd.is_some()),
        ("quobyte", spec.quobyte.is_some()),
        ("cephfs", spec.cephfs.is_some()),
        ("iscsi", spec.iscsi.is_some()),
        ("cinder", spec.cinder.is_some()),
        ("fc", spec.fc.is_some()),
        ("flexVolume", spec.flex_volume.is_some()),
        ("azureFile", spec.azure_file.is_some()),
        ("vsphereVolume", spec.vsphere_volume.is_some()),
        (
            "photonPersistentDisk",
            spec.photon_persistent_disk.is_some(),
        ),
        ("portworxVolume", spec.portworx_volume.is_some()),
        ("azureDisk", spec.azure_disk.is_some()),
        ("scaleIO", spec.scale_io.is_some()),
        ("local", spec.local.is_some()),
        ("storageos", spec.storageos.is_some()),
        ("csi", spec.csi.is_some()),
    ]
    .into_iter()
    .filter_map(|(name, set)| set.then_some(name))
    .collect()
}

/// How many volume sources `spec` sets.
fn source_count(spec: &core::PersistentVolumeSpec) -> usize {
    [
        spec.aws_elastic_block_store.is_some(),
        spec.azure_disk.is_some(),
        spec.azure_file.is_some(),
        spec.cephfs.is_some(),
        spec.cinder.is_some(),
        spec.csi.is_some(),
        spec.fc.is_some(),
        spec.flex_volume.is_some(),
        spec.flocker.is_some(),
        spec.gce_persistent_disk.is_some(),
        spec.glusterfs.is_some(),
        spec.host_path.is_some(),
        spec.iscsi.is_some(),
        spec.local.is_some(),
        spec.nfs.is_some(),
        spec.photon_persistent_disk.is_some(),
        spec.portworx_volume.is_some(),
        spec.quobyte.is_some(),
        spec.rbd.is_some(),
        spec.scale_io.is_some(),
        spec.storageos.is_some(),
        spec.vsphere_volume.is_some(),
    ]
    .into_iter()
    .filter(|set| *set)
    .count()
}

/// Rule 85: the capacity of a volume: `storage` only, positive.
fn capacity(capacity: Option<&BTreeMap<String, K8sQuantity>>, path: &At<'_>, report: &mut Report) {
    let capacity = capacity.cloned().unwrap_or_default();
    match capacity.get("storage") {
        Some(size) => positive_storage(size, &path.key("storage"), 85, report),
        None => report.error(
            path,
            85,
            "a volume must have a `storage` capacity",
            "give its size, such as `capacity: { storage: 10Gi }`",
        ),
    }
    for key in capacity.keys().filter(|k| *k != "storage") {
        // The API server reports the map (`spec.capacity`).
        report.error(
            path,
            85,
            format!(
                "capacity {} is not supported; supported values: storage",
                shown(key)
            ),
            "give only `storage`",
        );
    }
}

/// Rule 87: the reclaim policy of a volume.
fn reclaim_policy(spec: &core::PersistentVolumeSpec, path: &At<'_>, report: &mut Report) {
    let Some(policy) = spec.persistent_volume_reclaim_policy.as_deref() else {
        return;
    };
    let at = path.field("persistentVolumeReclaimPolicy");
    if !PV_RECLAIM.contains(&policy) {
        report.error(
            &at,
            87,
            format!(
                "reclaim policy {} is not supported; supported values: Delete, Recycle, Retain",
                shown(policy)
            ),
            suggest::fix_for_value(policy, PV_RECLAIM),
        );
    } else if policy == "Recycle" {
        if spec.nfs.is_none() && spec.host_path.is_none() {
            // The API server accepts it; only the recycler of `nfs` and `hostPath` volumes
            // can act on it.
            report.warn(
                &at,
                "`Recycle` is only carried out for `nfs` and `hostPath` volumes (and is deprecated); use `Retain` or `Delete`",
            );
        } else if spec.host_path.as_ref().is_some_and(|h| {
            let trimmed = h.path.trim_end_matches('/');
            trimmed.is_empty() && !h.path.is_empty()
        }) {
            report.error(
                &at,
                87,
                "may not be 'Recycle' for a hostPath mount of '/'",
                "use `Retain`, or a host path below `/`",
            );
        }
    }
}

/// Every error and warning of a PersistentVolume (`ValidatePersistentVolume`).
///
/// ```
/// use k8s_openapi::api::core::v1 as core;
///
/// let volume: core::PersistentVolume = serde_json::from_value(serde_json::json!({
///     "apiVersion": "v1", "kind": "PersistentVolume", "metadata": { "name": "data" },
///     "spec": {
///         "accessModes": ["ReadWriteOnce"], "capacity": { "storage": "10Gi" },
///         "nfs": { "server": "nfs.example.com", "path": "exports" },
///     },
/// }))?;
/// let report = k8s_dsl::validate::persistent_volume(&volume);
/// assert!(report.errors().iter().any(|e| e.path.as_str() == "spec.nfs.path" && e.rule == 86));
/// # Ok::<(), serde_json::Error>(())
/// ```
pub fn persistent_volume(volume: &core::PersistentVolume) -> Report {
    let mut report = Report::new();
    meta::object_meta(
        &volume.metadata,
        &At::root().field("metadata"),
        meta::any_name,
        &mut report,
    );
    let spec = volume.spec.clone().unwrap_or_default();
    let path = At::root().field("spec");
    access_modes(
        spec.access_modes.as_deref().unwrap_or_default(),
        &path.field("accessModes"),
        &mut report,
    );
    capacity(spec.capacity.as_ref(), &path.field("capacity"), &mut report);
    match source_count(&spec) {
        0 => report.error(
            &path,
            85,
            "must specify a volume type",
            "give one source, such as `hostPath`, `nfs`, `local` or `csi`",
        ),
        1 => sources(&spec, &path, &mut report),
        _ => {
            // The API server reports every source after the first, in its order.
            for name in source_names(&spec).into_iter().skip(1) {
                report.error(
                    &path.field(name),
                    85,
                    "may not specify more than 1 volume type",
                    "keep one source per volume",
                );
            }
        }
    }
    reclaim_policy(&spec, &path, &mut report);
    class_name(
        spec.storage_class_name.as_deref(),
        &path.field("storageClassName"),
        &mut report,
    );
    volume_mode(
        spec.volume_mode.as_deref(),
        &path.field("volumeMode"),
        &mut report,
    );
    report
}

/// Every error and warning of a StorageClass (`ValidateStorageClass`): rule 88.
///
/// ```
/// use k8s_openapi::api::storage::v1 as storage;
///
/// let class: storage::StorageClass = serde_json::from_value(serde_json::json!({
///     "apiVersion": "storage.k8s.io/v1", "kind": "StorageClass", "metadata": { "name": "fast" },
///     "provisioner": "ebs.csi.aws.com", "reclaimPolicy": "Recycle", "volumeBindingMode": "Later",
/// }))?;
/// let report = k8s_dsl::validate::storage_class(&class);
/// assert!(report.errors().iter().any(|e| e.path.as_str() == "reclaimPolicy" && e.rule == 88));
/// assert!(report.errors().iter().any(|e| e.path.as_str() == "volumeBindingMode" && e.rule == 88));
/// # Ok::<(), serde_json::Error>(())
/// ```
pub fn storage_class(class: &storage::StorageClass) -> Report {
    let mut report = Report::new();
    meta::object_meta(
        &class.metadata,
        &At::root().field("metadata"),
        meta::any_name,
        &mut report,
    );
    let root = At::root();
    let provisioner = root.field("provisioner");
    if class.provisioner.is_empty() {
        report.error(
            &provisioner,
            88,
            "provisioner is required",
            "name the provisioner, such as `ebs.csi.aws.com` or `kubernetes.io/no-provisioner`",
        );
    } else if class.provisioner.len() > MAX_PROVISIONER {
        report.error(
            &provisioner,
            88,
            format!("provisioner may not be longer than {MAX_PROVISIONER} characters"),
            "use the provisioner's registered name",
        );
    } else {
        report.check(
            &provisioner,
            labels::qualified_name(&class.provisioner.to_lowercase(), 88, "provisioner"),
        );
    }
    let parameters = class.parameters.clone().unwrap_or_default();
    let size: usize = parameters.iter().map(|(k, v)| k.len() + v.len()).sum();
    if parameters.keys().any(String::is_empty) {
        report.error(
            &root.field("parameters"),
            88,
            "a parameter name can not be empty",
            "name every parameter",
        );
    }
    if size > MAX_PARAMETERS {
        report.error(
            &root.field("parameters"),
            88,
            "parameters may not be larger than 256 KiB in total",
            "keep the provisioner's settings small",
        );
    }
    let enums: [(&str, Option<&str>, &[&str]); 2] = [
        (
            "reclaimPolicy",
            class.reclaim_policy.as_deref(),
            &CLASS_RECLAIM,
        ),
        (
            "volumeBindingMode",
            class.volume_binding_mode.as_deref(),
            &BINDING_MODES,
        ),
    ];
    for (field, value, allowed) in enums {
        if let Some(value) = value.filter(|v| !allowed.contains(v)) {
            report.error(
                &root.field(field),
                88,
                format!(
                    "{field} {} is not supported; supported values: {}",
                    shown(value),
                    allowed.join(", ")
                ),
                suggest::fix_for_value(value, allowed.iter().copied()),
            );
        }
    }
    report
}
