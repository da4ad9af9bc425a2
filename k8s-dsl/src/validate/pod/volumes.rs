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
pub(crate) fn token_needs_service_account(
    path: &At<'_>,
    volumes: &[k8s::Volume],
    report: &mut Report,
) {
    for (i, volume) in volumes.iter().enumerate() {
        let sources = volume
            .projected
            .iter()
            .flat_map(|p| p.sources.iter().flatten());
        for (j, source) in sources.enumerate() {
            if source.service_account_token.is_some() {
                report.warn(
                    &path
                        .index(i)
                        .field("projected")
                        .field("sources")
                        .index(j)
                        .field("serviceAccountToken"),
                    "a projected service account token without the pod's `serviceAccountName` \
                     gets the `default` service account (set by the cluster's ServiceAccount \
                     admission); set `.service_account_name(..)` on the pod to choose it (rule 45)",
                );
            }
        }
    }
}
