//! The volume sources that reach outside the pod (rule 98: `validateNFSVolumeSource`,
//! `validateCSIVolumeSource`, `validateEphemeralVolumeSource`, `validateImageVolumeSource`):
//! an NFS server and an absolute export path; a CSI driver name and a valid secret reference;
//! an ephemeral volume's claim template (rules 83 and 84 for its spec); an image reference
//! (a warning when it has surrounding whitespace), and a known pull policy.

use k8s_openapi::api::core::v1 as k8s;

use crate::rules::enums::ImagePullPolicy;
use crate::rules::{names, shown};
use crate::validate::{meta, storage, At, Report};

/// Rule 98 over the sources of one volume at `path` (`spec.volumes[i]`); `is_template` for a
/// pod template (an image volume's reference may be left to admission there).
pub(crate) fn sources(path: &At<'_>, v: &k8s::Volume, is_template: bool, report: &mut Report) {
    if let Some(nfs) = &v.nfs {
        self::nfs(&path.field("nfs"), nfs, report);
    }
    if let Some(csi) = &v.csi {
        self::csi(&path.field("csi"), csi, report);
    }
    if let Some(ephemeral) = &v.ephemeral {
        self::ephemeral(&path.field("ephemeral"), ephemeral, report);
    }
    if let Some(image) = &v.image {
        self::image(&path.field("image"), image, is_template, report);
    }
}

/// `validateNFSVolumeSource`.
fn nfs(path: &At<'_>, nfs: &k8s::NFSVolumeSource, report: &mut Report) {
    if nfs.server.is_empty() {
        report.error(
            &path.field("server"),
            98,
            "an NFS volume needs its server",
            "give the server's host name or address, such as `nfs.example.com`",
        );
    }
    if nfs.path.is_empty() {
        report.error(
            &path.field("path"),
            98,
            "an NFS volume needs the export's path",
            "give the exported directory, such as `/exports/data`",
        );
    } else if !nfs.path.starts_with('/') {
        report.error(
            &path.field("path"),
            98,
            format!("NFS path {} must be an absolute path", shown(&nfs.path)),
            "start the path with `/`",
        );
    }
}

/// `validateCSIVolumeSource`: `ValidateCSIDriverName` and the publish secret's name.
fn csi(path: &At<'_>, csi: &k8s::CSIVolumeSource, report: &mut Report) {
    let driver = path.field("driver");
    if csi.driver.is_empty() {
        report.error(
            &driver,
            98,
            "a CSI volume needs its driver",
            "name the CSI driver, such as `secrets-store.csi.k8s.io`",
        );
    } else if csi.driver.len() > 63 {
        report.error(
            &driver,
            98,
            format!(
                "CSI driver name {} is longer than 63 characters",
                shown(&csi.driver)
            ),
            "use the driver's registered name",
        );
    } else {
        report.check(
            &driver,
            names::dns1123_subdomain(&csi.driver.to_lowercase(), 98, "CSI driver name"),
        );
    }
    if let Some(secret) = &csi.node_publish_secret_ref {
        let secret_path = path.field("nodePublishSecretRef");
        let at = secret_path.field("name");
        if secret.name.is_empty() {
            report.error(
                &at,
                98,
                "the publish secret needs a name",
                "name the Secret",
            );
        } else if let Err(v) = names::object_name(&secret.name, 98, "secret name") {
            // the API server reports it at the source's `name`
            report.violation(&path.field("name"), v);
        }
    }
}

/// `validateEphemeralVolumeSource`: a claim template, checked like a claim.
fn ephemeral(path: &At<'_>, source: &k8s::EphemeralVolumeSource, report: &mut Report) {
    let at = path.field("volumeClaimTemplate");
    let Some(template) = &source.volume_claim_template else {
        report.error(
            &at,
            98,
            "an ephemeral volume needs its `volumeClaimTemplate`",
            "use `Volume::ephemeral(name, claim)` with the claim's access modes and size",
        );
        return;
    };
    if let Some(metadata) = &template.metadata {
        let metadata_path = at.field("metadata");
        if let Some(labels) = &metadata.labels {
            meta::label_map(&metadata_path.field("labels"), labels, report);
        }
    }
    storage::claim_spec(&template.spec, &at.field("spec"), report);
}

/// `validateImageVolumeSource`.
fn image(path: &At<'_>, image: &k8s::ImageVolumeSource, is_template: bool, report: &mut Report) {
    let reference = image.reference.as_deref().unwrap_or_default();
    let at = path.field("reference");
    if reference.is_empty() {
        if !is_template {
            report.error(
                &at,
                98,
                "an image volume needs its image reference",
                "give the image, such as `quay.io/crio/artifact:v1`",
            );
        }
    } else if reference.trim() != reference {
        // The API server takes it; no registry resolves it.
        report.warn(
            &at,
            format!(
                "image reference {} has leading or trailing whitespace, which no registry resolves; remove the spaces (rule 98)",
                shown(reference)
            ),
        );
    }
    if let Some(policy) = &image.pull_policy {
        report.check(&path.field("pullPolicy"), policy.parse::<ImagePullPolicy>());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn errors(v: &k8s::Volume, is_template: bool) -> Vec<(String, u16)> {
        let mut report = Report::new();
        sources(
            &At::root().field("spec").field("volumes").index(0),
            v,
            is_template,
            &mut report,
        );
        report
            .errors()
            .iter()
            .map(|e| (e.path.as_str().to_owned(), e.rule))
            .collect()
    }

    fn one(path: &str, rule: u16) -> Vec<(String, u16)> {
        vec![(format!("spec.volumes[0].{path}"), rule)]
    }

    #[test]
    fn rule_98_nfs_needs_a_server_and_an_absolute_path() {
        let nfs = |server: &str, path: &str| k8s::Volume {
            name: "data".into(),
            nfs: Some(k8s::NFSVolumeSource {
                server: server.into(),
                path: path.into(),
                ..Default::default()
            }),
            ..Default::default()
        };
        assert!(errors(&nfs("nfs.example.com", "/exports"), false).is_empty());
        assert_eq!(errors(&nfs("", "/exports"), false), one("nfs.server", 98));
        assert_eq!(errors(&nfs("nfs", "exports"), false), one("nfs.path", 98));
    }

    #[test]
    fn rule_98_csi_driver_names() {
        let csi = |driver: &str| k8s::Volume {
            name: "secrets".into(),
            csi: Some(k8s::CSIVolumeSource {
                driver: driver.into(),
                ..Default::default()
            }),
            ..Default::default()
        };
        assert!(errors(&csi("secrets-store.csi.k8s.io"), false).is_empty());
        assert!(errors(&csi("Secrets-Store.CSI.k8s.io"), false).is_empty());
        assert_eq!(errors(&csi(""), false), one("csi.driver", 98));
        assert_eq!(errors(&csi("bad_driver"), false), one("csi.driver", 98));
    }

    #[test]
    fn rule_98_ephemeral_volumes_need_a_claim_template() {
        let v = k8s::Volume {
            name: "scratch".into(),
            ephemeral: Some(k8s::EphemeralVolumeSource::default()),
            ..Default::default()
        };
        assert_eq!(errors(&v, false), one("ephemeral.volumeClaimTemplate", 98));
        let v = k8s::Volume {
            name: "scratch".into(),
            ephemeral: Some(k8s::EphemeralVolumeSource {
                volume_claim_template: Some(k8s::PersistentVolumeClaimTemplate::default()),
            }),
            ..Default::default()
        };
        let rules: Vec<u16> = errors(&v, false).into_iter().map(|(_, r)| r).collect();
        assert_eq!(rules, [83, 84]);
    }

    #[test]
    fn rule_98_image_volumes() {
        let image = |reference: Option<&str>, policy: Option<&str>| k8s::Volume {
            name: "model".into(),
            image: Some(k8s::ImageVolumeSource {
                reference: reference.map(Into::into),
                pull_policy: policy.map(Into::into),
            }),
            ..Default::default()
        };
        assert!(errors(
            &image(Some("quay.io/models/m:1"), Some("IfNotPresent")),
            false
        )
        .is_empty());
        assert_eq!(
            errors(&image(None, None), false),
            one("image.reference", 98)
        );
        assert!(errors(&image(None, None), true).is_empty());
        // Surrounding whitespace is a warning: the API server takes it.
        assert!(errors(&image(Some(" m:1"), None), false).is_empty());
        assert_eq!(
            errors(&image(Some("m:1"), Some("always")), false),
            one("image.pullPolicy", 15)
        );
    }
}
