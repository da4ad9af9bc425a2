//! The Pod Security labels of a Namespace (rule 72).

use std::collections::BTreeMap;

use super::{At, Report};
use crate::rules::{shown, suggest};

/// The prefix of the Pod Security admission labels.
pub(crate) const PREFIX: &str = "pod-security.kubernetes.io/";
/// The modes: what happens to a pod that breaks the level.
pub(crate) const MODES: [&str; 3] = ["enforce", "audit", "warn"];
const LEVELS: [&str; 3] = ["privileged", "baseline", "restricted"];

/// Whether `version` is `latest` or `v1.<minor>` (`api.ParseVersion`).
fn valid_version(version: &str) -> bool {
    if version == "latest" {
        return true;
    }
    let Some(minor) = version.strip_prefix("v1.") else {
        return false;
    };
    !minor.is_empty()
        && minor.bytes().all(|b| b.is_ascii_digit())
        && (minor == "0" || !minor.starts_with('0'))
}

/// Rule 72: Pod Security admission rejects a Namespace whose `pod-security.kubernetes.io/<mode>`
/// label is not a level (`privileged`, `baseline`, `restricted`) or whose `<mode>-version`
/// label is not `latest` or `v1.<minor>` (`PolicyToEvaluate`, `api.ParseLevel`,
/// `api.ParseVersion`).
pub(crate) fn pod_security_labels(labels: &BTreeMap<String, String>, report: &mut Report) {
    let metadata = At::root().field("metadata");
    let path = metadata.field("labels");
    for (key, value) in labels {
        let Some(setting) = key.strip_prefix(PREFIX) else {
            continue;
        };
        let (mode, is_version) = match setting.strip_suffix("-version") {
            Some(mode) => (mode, true),
            None => (setting, false),
        };
        if !MODES.contains(&mode) {
            continue;
        }
        if is_version && !valid_version(value) {
            report.error(
                &path.key(key),
                72,
                format!("Pod Security version {} is not valid", shown(value)),
                "use `latest` or a Kubernetes minor version such as `v1.33`",
            );
        } else if !is_version && !LEVELS.contains(&value.as_str()) {
            report.error(
                &path.key(key),
                72,
                format!(
                    "Pod Security level {} is not one of `privileged`, `baseline`, `restricted`",
                    shown(value)
                ),
                suggest::fix_for_value(value, LEVELS),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rule_72_pod_security_labels() {
        let check = |key: &str, value: &str| {
            let mut report = Report::new();
            let labels = BTreeMap::from([(format!("{PREFIX}{key}"), value.to_owned())]);
            pod_security_labels(&labels, &mut report);
            report.errors().iter().map(|e| e.rule).collect::<Vec<_>>()
        };
        for (key, value) in [
            ("enforce", "restricted"),
            ("audit", "baseline"),
            ("warn", "privileged"),
            ("enforce-version", "latest"),
            ("warn-version", "v1.33"),
            ("audit-version", "v1.0"),
            ("other", "anything"),
        ] {
            assert!(check(key, value).is_empty(), "{key}={value}");
        }
        for (key, value) in [
            ("enforce", "Restricted"),
            ("audit", "strict"),
            ("enforce-version", "1.33"),
            ("warn-version", "v1.033"),
            ("warn-version", "v2.1"),
            ("audit-version", "v1."),
        ] {
            assert_eq!(check(key, value), [72], "{key}={value}");
        }
    }
}
