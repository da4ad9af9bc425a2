//! The pod's operating system (rule 46: `validateOS`, `validateWindows`, `validateLinux`):
//! `os.name` is `linux` or `windows`; a Windows pod sets none of the Linux-only fields (SELinux,
//! seccomp, AppArmor, user and group ids, capabilities, host namespaces, sysctls, ...); a Linux
//! pod sets no `windowsOptions`.

use k8s_openapi::api::core::v1 as k8s;

use crate::rules::enums::OsName;
use crate::validate::{At, Report};

/// Rule 46 over the pod spec at `path`.
pub(crate) fn os(path: &At<'_>, spec: &k8s::PodSpec, report: &mut Report) {
    let Some(os) = &spec.os else {
        return;
    };
    let at = path.field("os");
    if os.name.is_empty() {
        report.error(
            &at.field("name"),
            46,
            "the pod's os name may not be empty",
            "use `linux` or `windows`",
        );
        return;
    }
    // `validateOS` reports an unknown name at `os` itself.
    match report.check(&at, os.name.parse::<OsName>()) {
        Some(OsName::Windows) => windows(path, spec, report),
        Some(OsName::Linux) => linux(path, spec, report),
        None => {}
    }
}

/// The fix of every rule-46 error on a Windows pod.
const WINDOWS_FIX: &str = "remove it: Windows pods do not support it (or set `os: linux`)";

/// `validateWindows`: the Linux-only fields of the pod and of each container.
fn windows(path: &At<'_>, spec: &k8s::PodSpec, report: &mut Report) {
    let mut forbid = |at: At<'_>, what: &str| {
        report.error(
            &at,
            46,
            format!("{what} cannot be set for a windows pod"),
            WINDOWS_FIX,
        );
    };
    if spec.host_users.is_some() {
        forbid(path.field("hostUsers"), "`hostUsers`");
    }
    if spec.host_pid == Some(true) {
        forbid(path.field("hostPID"), "`hostPID`");
    }
    if spec.host_ipc == Some(true) {
        forbid(path.field("hostIPC"), "`hostIPC`");
    }
    if spec.share_process_namespace.is_some() {
        forbid(
            path.field("shareProcessNamespace"),
            "`shareProcessNamespace`",
        );
    }
    if let Some(context) = &spec.security_context {
        let at = path.field("securityContext");
        let c = context;
        for (field, set) in [
            ("appArmorProfile", c.app_armor_profile.is_some()),
            ("seLinuxOptions", c.se_linux_options.is_some()),
            ("seccompProfile", c.seccomp_profile.is_some()),
            ("fsGroup", c.fs_group.is_some()),
            ("fsGroupChangePolicy", c.fs_group_change_policy.is_some()),
            ("sysctls", c.sysctls.as_ref().is_some_and(|s| !s.is_empty())),
            ("runAsUser", c.run_as_user.is_some()),
            ("runAsGroup", c.run_as_group.is_some()),
            ("supplementalGroups", c.supplemental_groups.is_some()),
            (
                "supplementalGroupsPolicy",
                c.supplemental_groups_policy.is_some(),
            ),
            ("seLinuxChangePolicy", c.se_linux_change_policy.is_some()),
        ] {
            if set {
                forbid(at.field(field), &format!("`securityContext.{field}`"));
            }
        }
    }
    each_container(path, spec, &mut |at, c| {
        let Some(context) = &c.security_context else {
            return;
        };
        let at = at.field("securityContext");
        for (field, set) in [
            ("appArmorProfile", context.app_armor_profile.is_some()),
            ("seLinuxOptions", context.se_linux_options.is_some()),
            ("seccompProfile", context.seccomp_profile.is_some()),
            ("capabilities", context.capabilities.is_some()),
            (
                "readOnlyRootFilesystem",
                context.read_only_root_filesystem.is_some(),
            ),
            ("privileged", context.privileged.is_some()),
            (
                "allowPrivilegeEscalation",
                context.allow_privilege_escalation.is_some(),
            ),
            ("procMount", context.proc_mount.is_some()),
            ("runAsUser", context.run_as_user.is_some()),
            ("runAsGroup", context.run_as_group.is_some()),
        ] {
            if set {
                forbid(
                    at.field(field),
                    &format!("container `{}`'s `securityContext.{field}`", c.name),
                );
            }
        }
    });
}

/// `validateLinux`: no `windowsOptions`, on the pod or on a container.
fn linux(path: &At<'_>, spec: &k8s::PodSpec, report: &mut Report) {
    let fix = "remove `windowsOptions`: they apply to Windows pods only (or set `os: windows`)";
    let pod_options = spec
        .security_context
        .as_ref()
        .is_some_and(|c| c.windows_options.is_some());
    if pod_options {
        report.error(
            &path.field("securityContext").field("windowsOptions"),
            46,
            "windows options cannot be set for a linux pod",
            fix,
        );
    }
    each_container(path, spec, &mut |at, c| {
        if c.security_context
            .as_ref()
            .is_some_and(|s| s.windows_options.is_some())
        {
            report.error(
                &at.field("securityContext").field("windowsOptions"),
                46,
                format!(
                    "windows options of container `{}` cannot be set for a linux pod",
                    c.name
                ),
                fix,
            );
        }
    });
}

/// The parts of a container that rule 46 reads, for app, init and ephemeral containers alike.
struct Container<'a> {
    name: &'a str,
    security_context: &'a Option<k8s::SecurityContext>,
}

/// Calls `visit` with each container and its path: init, app, then ephemeral containers
/// (`VisitContainersWithPath`).
fn each_container(
    path: &At<'_>,
    spec: &k8s::PodSpec,
    visit: &mut dyn FnMut(&At<'_>, Container<'_>),
) {
    for (field, list) in [
        (
            "initContainers",
            spec.init_containers.as_deref().unwrap_or_default(),
        ),
        ("containers", spec.containers.as_slice()),
    ] {
        let list_path = path.field(field);
        for (i, c) in list.iter().enumerate() {
            let container = Container {
                name: &c.name,
                security_context: &c.security_context,
            };
            visit(&list_path.index(i), container);
        }
    }
    let list_path = path.field("ephemeralContainers");
    for (i, c) in spec.ephemeral_containers.iter().flatten().enumerate() {
        let container = Container {
            name: &c.name,
            security_context: &c.security_context,
        };
        visit(&list_path.index(i), container);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pod(os: &str) -> k8s::PodSpec {
        k8s::PodSpec {
            os: Some(k8s::PodOS { name: os.into() }),
            containers: vec![k8s::Container {
                name: "app".into(),
                image: Some("app:1".into()),
                ..Default::default()
            }],
            ..Default::default()
        }
    }

    fn errors(spec: &k8s::PodSpec) -> Vec<(String, u16)> {
        let mut report = Report::new();
        os(&At::root().field("spec"), spec, &mut report);
        report
            .errors()
            .iter()
            .map(|e| (e.path.as_str().to_owned(), e.rule))
            .collect()
    }

    fn one(path: &str) -> Vec<(String, u16)> {
        vec![(path.to_owned(), 46)]
    }

    #[test]
    fn rule_46_os_name_is_linux_or_windows() {
        assert!(errors(&pod("linux")).is_empty());
        assert!(errors(&pod("windows")).is_empty());
        assert_eq!(errors(&pod("Windows")), one("spec.os"));
        assert_eq!(errors(&pod("")), one("spec.os.name"));
    }

    #[test]
    fn rule_46_windows_pods_set_no_linux_fields() {
        let mut spec = pod("windows");
        spec.security_context = Some(k8s::PodSecurityContext {
            run_as_user: Some(1000),
            ..Default::default()
        });
        assert_eq!(errors(&spec), one("spec.securityContext.runAsUser"));

        let mut spec = pod("windows");
        spec.host_pid = Some(true);
        assert_eq!(errors(&spec), one("spec.hostPID"));
        spec.host_pid = Some(false);
        assert!(errors(&spec).is_empty());

        let mut spec = pod("windows");
        if let Some(c) = spec.containers.first_mut() {
            c.security_context = Some(k8s::SecurityContext {
                privileged: Some(false),
                ..Default::default()
            });
        }
        assert_eq!(
            errors(&spec),
            one("spec.containers[0].securityContext.privileged")
        );
    }

    #[test]
    fn rule_46_linux_pods_set_no_windows_options() {
        let mut spec = pod("linux");
        spec.security_context = Some(k8s::PodSecurityContext {
            windows_options: Some(k8s::WindowsSecurityContextOptions {
                run_as_user_name: Some("app".into()),
                ..Default::default()
            }),
            ..Default::default()
        });
        assert_eq!(errors(&spec), one("spec.securityContext.windowsOptions"));
        spec.os = Some(k8s::PodOS {
            name: "windows".into(),
        });
        assert!(errors(&spec).is_empty());
    }
}
