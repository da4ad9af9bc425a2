//! The pod's volumes as a whole: unique names (rule 7), downward API files that name a
//! container of the pod, and projected service account tokens (rule 45).

use std::collections::BTreeMap;

use k8s_openapi::api::core::v1 as k8s;

use crate::rules::{shown, suggest};
use crate::validate::{At, Report};

/// Rule 7 (`ValidateVolumes`): volume names are unique within the pod; reported at the later one.
pub(crate) fn unique_names(path: &At<'_>, volumes: &[k8s::Volume], report: &mut Report) {
    let mut seen: BTreeMap<&str, usize> = BTreeMap::new();
    for (i, volume) in volumes.iter().enumerate() {
        if let Some(first) = seen.get(volume.name.as_str()) {
            report.error(
                &path.index(i).field("name"),
                7,
                format!("volume name {} is already used by `{}`", shown(&volume.name), path.index(*first)),
                "give each volume its own name; containers can mount the same volume more than once",
            );
        } else {
            seen.insert(&volume.name, i);
        }
    }
}

/// A downward API file of a volume names a container of this pod (a reference check, rule 0).
pub(crate) fn resource_item_containers(
    path: &At<'_>,
    volumes: &[k8s::Volume],
    containers: &[&str],
    report: &mut Report,
) {
    let mut check = |at: At<'_>, item: &k8s::DownwardAPIVolumeFile| {
        let Some(name) = item
            .resource_field_ref
            .as_ref()
            .and_then(|r| r.container_name.as_deref())
        else {
            return;
        };
        if containers.contains(&name) {
            return;
        }
        let fix = match suggest::did_you_mean(name, containers.iter().copied()) {
            Some(hint) => hint,
            None => format!(
                "name one of the pod's containers: `{}`",
                containers.join("`, `")
            ),
        };
        report.error(
            &at.field("resourceFieldRef").field("containerName"),
            0,
            format!("container {} is not in this pod", shown(name)),
            fix,
        );
    };
    for (i, volume) in volumes.iter().enumerate() {
        let at = path.index(i);
        if let Some(d) = &volume.downward_api {
            for (j, item) in d.items.iter().flatten().enumerate() {
                check(at.field("downwardAPI").field("items").index(j), item);
            }
        }
        let sources = volume
            .projected
            .iter()
            .flat_map(|p| p.sources.iter().flatten());
        for (j, source) in sources.enumerate() {
            for (k, item) in source
                .downward_api
                .iter()
                .flat_map(|d| d.items.iter().flatten())
                .enumerate()
            {
                let source = at.field("projected");
                let source = source.field("sources");
                let source = source.index(j);
                let items = source.field("downwardAPI");
                check(items.field("items").index(k), item);
            }
        }
    }
}

/// Rule 45 (`validatePodMetadataAndSpec`, Pods only): a projected service account token uses the
/// pod's `serviceAccountName`. The API server refuses a token without one, but the
/// ServiceAccount admission plugin of every cluster sets `default` before validation runs, so a
/// Pod without the name is accepted: a warning, not an error.
///
/// Also rule 36 (`validateProjectionSources`): a token's `expirationSeconds` is 10 minutes to
/// 2^32 seconds.
pub(crate) fn projected_tokens(
    path: &At<'_>,
    volumes: &[k8s::Volume],
    has_service_account: bool,
    report: &mut Report,
) {
    for (i, volume) in volumes.iter().enumerate() {
        let sources = volume
            .projected
            .iter()
            .flat_map(|p| p.sources.iter().flatten());
        for (j, source) in sources.enumerate() {
            if let Some(token) = &source.service_account_token {
                let volume_at = path.index(i);
                let projected = volume_at.field("projected");
                let sources_at = projected.field("sources");
                let source_at = sources_at.index(j);
                let at = source_at.field("serviceAccountToken");
                token_expiration(&at, token, report);
                if has_service_account {
                    continue;
                }
                report.warn(
                    &at,
                    "a projected service account token without the pod's `serviceAccountName` \
                     gets the `default` service account (set by the cluster's ServiceAccount \
                     admission); set `.service_account_name(..)` on the pod to choose it (rule 45)",
                );
            }
        }
    }
}

/// The shortest token expiration the API server takes: 10 minutes.
const MIN_TOKEN_SECONDS: i64 = 600;

/// The longest token expiration the API server takes: 2^32 seconds.
const MAX_TOKEN_SECONDS: i64 = 1 << 32;

/// Rule 36 (`validateProjectionSources`): a token's expiration is 10 minutes to 2^32 seconds.
fn token_expiration(at: &At<'_>, token: &k8s::ServiceAccountTokenProjection, report: &mut Report) {
    let Some(seconds) = token.expiration_seconds else {
        return;
    };
    if !(MIN_TOKEN_SECONDS..=MAX_TOKEN_SECONDS).contains(&seconds) {
        report.error(
            &at.field("expirationSeconds"),
            36,
            format!("token expiration of {seconds}s is outside 10 minutes to 2^32 seconds"),
            "give an expiration of at least `10m`, such as `1h`",
        );
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn token_volume(expiration_seconds: Option<i64>) -> k8s::Volume {
        k8s::Volume {
            name: "token".into(),
            projected: Some(k8s::ProjectedVolumeSource {
                sources: Some(vec![k8s::VolumeProjection {
                    service_account_token: Some(k8s::ServiceAccountTokenProjection {
                        path: "token".into(),
                        expiration_seconds,
                        ..Default::default()
                    }),
                    ..Default::default()
                }]),
                ..Default::default()
            }),
            ..Default::default()
        }
    }

    fn check(expiration_seconds: Option<i64>, has_service_account: bool) -> Report {
        let mut report = Report::new();
        let root = At::root();
        let spec = root.field("spec");
        let path = spec.field("volumes");
        projected_tokens(
            &path,
            &[token_volume(expiration_seconds)],
            has_service_account,
            &mut report,
        );
        report
    }

    #[test]
    fn rule_36_token_expiration_is_ten_minutes_to_two_to_the_32_seconds() {
        for ok in [None, Some(600), Some(3600), Some(1 << 32)] {
            assert!(check(ok, true).errors().is_empty(), "{ok:?}");
        }
        for bad in [599, 0, -1, (1 << 32) + 1] {
            let report = check(Some(bad), true);
            let errors: Vec<_> = report
                .errors()
                .iter()
                .map(|e| (e.path.as_str().to_owned(), e.rule))
                .collect();
            assert_eq!(
                errors,
                [(
                    "spec.volumes[0].projected.sources[0].serviceAccountToken.expirationSeconds"
                        .to_owned(),
                    36
                )],
                "{bad}"
            );
        }
    }

    #[test]
    fn rule_45_a_token_without_service_account_is_a_warning() {
        let report = check(Some(3600), false);
        assert!(report.errors().is_empty());
        assert_eq!(report.warnings().len(), 1);
        assert!(check(Some(3600), true).warnings().is_empty());
    }
}
