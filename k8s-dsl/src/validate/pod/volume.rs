//! One volume of the pod (`ValidateVolumes`, `validateVolumeSource`): its name (rule 7),
//! exactly one source (rule 36), the names its source refers to (rules 34, 36), host paths,
//! file modes and key-to-path items (rule 36).

use k8s_openapi::api::core::v1 as k8s;

use crate::rules::{env, names, shown, Checked, Violation};
use crate::validate::{At, Report};

/// The largest file mode (`0777`).
const MAX_MODE: i32 = 0o777;

/// Every check of one volume at `path` (`spec.volumes[i]`).
pub(crate) fn volume(path: &At<'_>, v: &k8s::Volume, report: &mut Report) {
    // Rule 7: a volume name is a DNS-1123 label (uniqueness is checked by the pod).
    report.check(&path.field("name"), names::volume_name(&v.name));
    one_source(path, v, report);
    if let Some(source) = &v.config_map {
        let p = path.field("configMap");
        report.check(
            &p.field("name"),
            names::object_name(&source.name, 34, "config map name"),
        );
        key_to_paths(&p.field("items"), source.items.as_deref(), report);
        mode(&p.field("defaultMode"), source.default_mode, report);
    }
    if let Some(source) = &v.secret {
        let p = path.field("secret");
        let name = source.secret_name.as_deref().unwrap_or_default();
        report.check(
            &p.field("secretName"),
            names::object_name(name, 34, "secret name"),
        );
        key_to_paths(&p.field("items"), source.items.as_deref(), report);
        mode(&p.field("defaultMode"), source.default_mode, report);
    }
    if let Some(source) = &v.persistent_volume_claim {
        report.check(
            &path.field("persistentVolumeClaim").field("claimName"),
            names::object_name(&source.claim_name, 36, "persistent volume claim name"),
        );
    }
    if let Some(source) = &v.downward_api {
        mode(
            &path.field("downwardAPI").field("defaultMode"),
            source.default_mode,
            report,
        );
    }
    if let Some(source) = &v.host_path {
        host_path(&path.field("hostPath"), source, report);
    }
    if let Some(source) = &v.projected {
        projected(&path.field("projected"), source, report);
    }
}

/// A `hostPath` source: an absolute path and a known type.
fn host_path(p: &At<'_>, source: &k8s::HostPathVolumeSource, report: &mut Report) {
    if !source.path.starts_with('/') {
        report.error(
            &p.field("path"),
            36,
            format!("host path {} is not absolute", shown(&source.path)),
            "give the full path on the node, starting with `/`",
        );
    }
    if let Some(kind) = &source.type_ {
        report.check(&p.field("type"), host_path_type(kind));
    }
}

/// A projected volume: the names and items of its ConfigMap and Secret sources, its mode.
fn projected(path: &At<'_>, source: &k8s::ProjectedVolumeSource, report: &mut Report) {
    let sources_path = path.field("sources");
    for (i, projection) in source.sources.iter().flatten().enumerate() {
        let at = sources_path.index(i);
        if let Some(config_map) = &projection.config_map {
            let p = at.field("configMap");
            report.check(
                &p.field("name"),
                names::object_name(&config_map.name, 34, "config map name"),
            );
            key_to_paths(&p.field("items"), config_map.items.as_deref(), report);
        }
        if let Some(secret) = &projection.secret {
            let p = at.field("secret");
            report.check(
                &p.field("name"),
                names::object_name(&secret.name, 34, "secret name"),
            );
            key_to_paths(&p.field("items"), secret.items.as_deref(), report);
        }
    }
    mode(&path.field("defaultMode"), source.default_mode, report);
}

/// `validateKeyToPath` (rule 36): a valid key (rule 34's grammar) and a local path; `path` is
/// `items`.
fn key_to_paths(path: &At<'_>, items: Option<&[k8s::KeyToPath]>, report: &mut Report) {
    for (i, item) in items.unwrap_or_default().iter().enumerate() {
        let at = path.index(i);
        report.check(&at.field("key"), env::config_map_key(&item.key));
        report.check(&at.field("path"), local_path(&item.path));
        mode(&at.field("mode"), item.mode, report);
    }
}

/// Rule 36 (`validateVolumeSource`): a volume sets exactly one source.
fn one_source(path: &At<'_>, volume: &k8s::Volume, report: &mut Report) {
    let v = volume;
    let sources = [
        ("awsElasticBlockStore", v.aws_elastic_block_store.is_some()),
        ("azureDisk", v.azure_disk.is_some()),
        ("azureFile", v.azure_file.is_some()),
        ("cephfs", v.cephfs.is_some()),
        ("cinder", v.cinder.is_some()),
        ("configMap", v.config_map.is_some()),
        ("csi", v.csi.is_some()),
        ("downwardAPI", v.downward_api.is_some()),
        ("emptyDir", v.empty_dir.is_some()),
        ("ephemeral", v.ephemeral.is_some()),
        ("fc", v.fc.is_some()),
        ("flexVolume", v.flex_volume.is_some()),
        ("flocker", v.flocker.is_some()),
        ("gcePersistentDisk", v.gce_persistent_disk.is_some()),
        ("gitRepo", v.git_repo.is_some()),
        ("glusterfs", v.glusterfs.is_some()),
        ("hostPath", v.host_path.is_some()),
        ("image", v.image.is_some()),
        ("iscsi", v.iscsi.is_some()),
        ("nfs", v.nfs.is_some()),
        ("persistentVolumeClaim", v.persistent_volume_claim.is_some()),
        ("photonPersistentDisk", v.photon_persistent_disk.is_some()),
        ("portworxVolume", v.portworx_volume.is_some()),
        ("projected", v.projected.is_some()),
        ("quobyte", v.quobyte.is_some()),
        ("rbd", v.rbd.is_some()),
        ("scaleIO", v.scale_io.is_some()),
        ("secret", v.secret.is_some()),
        ("storageos", v.storageos.is_some()),
        ("vsphereVolume", v.vsphere_volume.is_some()),
    ];
    let set: Vec<&str> = sources
        .iter()
        .filter(|(_, is_set)| *is_set)
        .map(|(name, _)| *name)
        .collect();
    match set.as_slice() {
        [_] => {}
        // rule 36: the API server defaults a volume without a source to `emptyDir`
        [] => report.warn(
            path,
            format!(
                "volume {} has no source, so the API server makes it an `emptyDir`; set `emptyDir: {{}}` (or the source you meant) explicitly",
                shown(&v.name)
            ),
        ),
        [_, rest @ ..] => {
            for extra in rest {
                report.error(
                    &path.field(extra),
                    36,
                    format!(
                        "volume {} sets more than one source: `{}`",
                        shown(&v.name),
                        set.join("`, `")
                    ),
                    "keep exactly one source per volume; declare another volume for the other",
                );
            }
        }
    }
}

/// The `hostPath` types (`validateHostPathType`).
const HOST_PATH_TYPES: &[&str] = &[
    "",
    "DirectoryOrCreate",
    "Directory",
    "FileOrCreate",
    "File",
    "Socket",
    "CharDevice",
    "BlockDevice",
];

/// `validateHostPathType` (rule 36): one of [`HOST_PATH_TYPES`].
fn host_path_type(value: &str) -> Checked {
    if HOST_PATH_TYPES.contains(&value) {
        return Ok(());
    }
    let fix = match crate::rules::suggest::closest(value, HOST_PATH_TYPES.iter().copied()) {
        Some(close) => format!("use `{close}`"),
        None => "use `Directory`, `DirectoryOrCreate`, `File`, `FileOrCreate`, `Socket`, `CharDevice` or `BlockDevice`".to_owned(),
    };
    Err(Violation::new(
        36,
        format!("{} is not a host path type", shown(value)),
        fix,
    ))
}

/// `validateVolumeSource` (rule 36) checks file modes: 0 to `0777`.
fn mode(path: &At<'_>, mode: Option<i32>, report: &mut Report) {
    if let Some(m) = mode {
        if !(0..=MAX_MODE).contains(&m) {
            report.error(
                path,
                36,
                format!("file mode {m} is not between 0 and 0777 (511)"),
                "write the mode in octal, such as `0o644`",
            );
        }
    }
}

/// `validateLocalDescendingPath` (used for volume items, rule 36): a non-empty relative path
/// without `..` parts.
pub(crate) fn local_path(value: &str) -> Checked {
    if value.is_empty() {
        return Err(Violation::new(
            36,
            "path may not be empty",
            "give a relative file name, such as `config.yaml`",
        ));
    }
    if value.starts_with('/') {
        return Err(Violation::new(
            36,
            format!("path {} is absolute", shown(value)),
            "give a path relative to the mount point, without the leading `/`",
        ));
    }
    if value.split('/').any(|part| part == "..") {
        return Err(Violation::new(
            36,
            format!("path {} contains `..`", shown(value)),
            "give a path inside the volume, without `..`",
        ));
    }
    Ok(())
}
