//! The pod's sysctls (rule 94: `validateSysctls`, `ValidateHostSysctl`): each name is a sysctl
//! name, given once, and not of a namespace the pod shares with the node (`net.*` with
//! `hostNetwork`, the IPC sysctls with `hostIPC`).

use std::collections::BTreeSet;

use k8s_openapi::api::core::v1 as k8s;

use crate::rules::shown;
use crate::validate::{At, Report};

/// The longest sysctl name (`SysctlMaxLength`).
const MAX_LENGTH: usize = 253;

/// Rule 94 over `securityContext.sysctls` at `path`, for a pod spec `spec`.
pub(crate) fn sysctls(
    path: &At<'_>,
    spec: &k8s::PodSpec,
    sysctls: &[k8s::Sysctl],
    report: &mut Report,
) {
    let mut seen = BTreeSet::new();
    for (i, sysctl) in sysctls.iter().enumerate() {
        let at = path.index(i);
        let at = at.field("name");
        let name = sysctl.name.as_str();
        if name.is_empty() {
            report.error(
                &at,
                94,
                "a sysctl needs a name",
                "name the kernel parameter, such as `net.core.somaxconn`",
            );
        } else if !is_sysctl_name(name) {
            report.error(
                &at,
                94,
                format!(
                    "{} is not a sysctl name: at most {MAX_LENGTH} characters, lower-case segments of letters, digits, `-` and `_` separated by `.` or `/`",
                    shown(name)
                ),
                "write it as `sysctl -a` prints it, such as `net.ipv4.ip_local_port_range`",
            );
        } else if !seen.insert(name) {
            report.error(
                &at,
                94,
                format!("sysctl {} is given twice", shown(name)),
                "give each sysctl once",
            );
        }
        let normalized = normalize(name);
        if spec.host_network == Some(true) && normalized.starts_with("net.") {
            report.error(
                &at,
                94,
                format!(
                    "sysctl {} may not be specified when `hostNetwork` is true",
                    shown(name)
                ),
                "remove the sysctl, or run the pod in its own network namespace",
            );
        }
        if spec.host_ipc == Some(true) && is_ipc(&normalized) {
            report.error(
                &at,
                94,
                format!(
                    "sysctl {} may not be specified when `hostIPC` is true",
                    shown(name)
                ),
                "remove the sysctl, or run the pod in its own IPC namespace",
            );
        }
    }
}

/// `IsValidSysctlName`: segments `[a-z0-9]([-_a-z0-9]*[a-z0-9])?` separated by `.` or `/`.
pub(crate) fn is_sysctl_name(name: &str) -> bool {
    if name.len() > MAX_LENGTH {
        return false;
    }
    name.split(['.', '/']).all(|segment| {
        let bytes = segment.as_bytes();
        let edge = |b: &u8| b.is_ascii_lowercase() || b.is_ascii_digit();
        match (bytes.first(), bytes.last()) {
            (Some(first), Some(last)) => {
                edge(first)
                    && edge(last)
                    && bytes.iter().all(|b| edge(b) || *b == b'-' || *b == b'_')
            }
            _ => false,
        }
    })
}

/// The name with `.` as separator (`NormalizeName`: a name whose first separator is `/` has
/// its `.` and `/` swapped).
fn normalize(name: &str) -> String {
    match name.find(['.', '/']) {
        Some(i) if name.as_bytes().get(i) == Some(&b'/') => name
            .chars()
            .map(|c| match c {
                '/' => '.',
                '.' => '/',
                other => other,
            })
            .collect(),
        _ => name.to_owned(),
    }
}

/// Whether a sysctl is of the IPC namespace (`kernel.sem`, `kernel.shm*`, `kernel.msg*`,
/// `fs.mqueue.*`).
fn is_ipc(name: &str) -> bool {
    name == "kernel.sem"
        || ["kernel.shm", "kernel.msg", "fs.mqueue."]
            .iter()
            .any(|prefix| name.starts_with(prefix))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn errors(names: &[&str], host_network: bool, host_ipc: bool) -> Vec<String> {
        let spec = k8s::PodSpec {
            host_network: Some(host_network),
            host_ipc: Some(host_ipc),
            ..Default::default()
        };
        let list: Vec<k8s::Sysctl> = names
            .iter()
            .map(|n| k8s::Sysctl {
                name: (*n).into(),
                value: "1".into(),
            })
            .collect();
        let mut report = Report::new();
        let p = crate::validate::FieldPath::parse("spec.securityContext.sysctls");
        let path = p.at();
        sysctls(&path, &spec, &list, &mut report);
        assert!(report.errors().iter().all(|e| e.rule == 94));
        report
            .errors()
            .iter()
            .map(|e| e.path.as_str().to_owned())
            .collect()
    }

    const AT: &str = "spec.securityContext.sysctls";

    #[test]
    fn rule_94_sysctl_names() {
        assert!(errors(
            &[
                "net.core.somaxconn",
                "kernel.shm_rmid_forced",
                "net/ipv4/ip_forward"
            ],
            false,
            false
        )
        .is_empty());
        assert_eq!(
            errors(&["Net.core"], false, false),
            [format!("{AT}[0].name")]
        );
        assert_eq!(
            errors(&["net..core"], false, false),
            [format!("{AT}[0].name")]
        );
        assert_eq!(errors(&[""], false, false), [format!("{AT}[0].name")]);
        assert_eq!(
            errors(&["kernel.msgmax", "kernel.msgmax"], false, false),
            [format!("{AT}[1].name")]
        );
    }

    #[test]
    fn rule_94_host_namespaces_take_no_namespaced_sysctls() {
        assert_eq!(
            errors(&["net.core.somaxconn"], true, false),
            [format!("{AT}[0].name")]
        );
        assert_eq!(
            errors(&["net/core/somaxconn"], true, false),
            [format!("{AT}[0].name")]
        );
        assert!(errors(&["kernel.shm_rmid_forced"], true, false).is_empty());
        assert_eq!(
            errors(&["kernel.shm_rmid_forced"], false, true),
            [format!("{AT}[0].name")]
        );
        assert_eq!(
            errors(&["fs.mqueue.msg_max"], false, true),
            [format!("{AT}[0].name")]
        );
        assert!(errors(&["net.core.somaxconn"], false, true).is_empty());
    }
}
