//! Security contexts (rule 47): the pod's (`validatePodSpecSecurityContext`,
//! `validateHostUsers`) and each container's (`ValidateSecurityContext`), with the shared
//! predicates of `rules::security`.

use k8s_openapi::api::core::v1 as k8s;

use crate::rules::enums::SeccompProfileType;
use crate::rules::{security, shown};
use crate::validate::{At, Report};

/// Checks the pod's `securityContext` at `path`.
pub(crate) fn pod_security_context(
    path: &At<'_>,
    context: &k8s::PodSecurityContext,
    report: &mut Report,
) {
    if let Some(uid) = context.run_as_user {
        report.check(&path.field("runAsUser"), security::user_id(uid));
    }
    for (field, gid) in [
        ("runAsGroup", context.run_as_group),
        ("fsGroup", context.fs_group),
    ] {
        if let Some(gid) = gid {
            report.check(&path.field(field), security::group_id(gid));
        }
    }
    for (i, gid) in context.supplemental_groups.iter().flatten().enumerate() {
        report.check(
            &path.field("supplementalGroups").index(i),
            security::group_id(*gid),
        );
    }
    if let Some(profile) = &context.seccomp_profile {
        seccomp_profile(&path.field("seccompProfile"), profile, report);
    }
}

/// The pod-wide rules that involve the spec's own fields: `hostUsers: false` forbids the host's
/// network, PID and IPC namespaces (`validateHostUsers`), and `shareProcessNamespace` does not go
/// with `hostPID`. `path` is the pod spec's path.
pub(crate) fn host_namespaces(path: &At<'_>, spec: &k8s::PodSpec, report: &mut Report) {
    for (field, shared) in [
        ("hostNetwork", spec.host_network),
        ("hostPID", spec.host_pid),
        ("hostIPC", spec.host_ipc),
    ] {
        report.check(
            &path.field(field),
            security::host_namespace_with_user_namespace(
                spec.host_users,
                field,
                shared.unwrap_or(false),
            ),
        );
    }
    if spec.share_process_namespace == Some(true) && spec.host_pid == Some(true) {
        report.error(
            &path.field("securityContext").field("shareProcessNamespace"),
            47,
            "`shareProcessNamespace` and `hostPID` cannot both be true",
            "remove one of them",
        );
    }
}

/// Checks one container's `securityContext` at `path`; `host_users` is the pod's `hostUsers`
/// (true when unset).
pub(crate) fn container_security_context(
    path: &At<'_>,
    context: &k8s::SecurityContext,
    host_users: bool,
    report: &mut Report,
) {
    if let Some(uid) = context.run_as_user {
        report.check(&path.field("runAsUser"), security::user_id(uid));
    }
    if let Some(gid) = context.run_as_group {
        report.check(&path.field("runAsGroup"), security::group_id(gid));
    }
    if let Some(value) = context.proc_mount.as_deref() {
        report.check(
            &path.field("procMount"),
            security::proc_mount(value, host_users),
        );
    }
    if let Some(profile) = &context.seccomp_profile {
        seccomp_profile(&path.field("seccompProfile"), profile, report);
    }
    let allow = context.allow_privilege_escalation;
    report.check(
        path,
        security::privileged_contradicts_no_escalation(allow, context.privileged),
    );
    let added = context
        .capabilities
        .as_ref()
        .and_then(|c| c.add.as_deref())
        .unwrap_or_default();
    for (i, capability) in added.iter().enumerate() {
        if security::sys_admin_contradicts_no_escalation(allow, capability).is_err() {
            report.check(
                path,
                security::sys_admin_contradicts_no_escalation(allow, capability),
            );
        } else if allow == Some(false) && security::is_sys_admin(capability) {
            report.warn(
                &path.field("capabilities").field("add").index(i),
                format!(
                    "{} is `CAP_SYS_ADMIN`, which contradicts `allowPrivilegeEscalation: false`; \
                     the API server refuses only the spelling `CAP_SYS_ADMIN` (rule 47)",
                    shown(capability)
                ),
            );
        }
    }
}

/// `validateSeccompProfileField`: a known type; `Localhost` needs the profile file.
pub(crate) fn seccomp_profile(path: &At<'_>, profile: &k8s::SeccompProfile, report: &mut Report) {
    let Some(kind) = report.check(
        &path.field("type"),
        profile.type_.parse::<SeccompProfileType>(),
    ) else {
        return;
    };
    if kind == SeccompProfileType::Localhost
        && profile
            .localhost_profile
            .as_deref()
            .is_none_or(str::is_empty)
    {
        report.error(
            &path.field("localhostProfile"),
            47,
            "a `Localhost` seccomp profile needs the profile file",
            "give the file, relative to the kubelet's seccomp directory (`profiles/app.json`)",
        );
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn container_errors(context: &k8s::SecurityContext, host_users: bool) -> Vec<(String, u16)> {
        let mut report = Report::new();
        let at = At::root().field("securityContext");
        container_security_context(&at, context, host_users, &mut report);
        report
            .errors()
            .iter()
            .map(|e| (e.path.as_str().to_owned(), e.rule))
            .collect()
    }

    #[test]
    fn rule_47_container_escalation_ids_and_proc_mount() {
        let context = k8s::SecurityContext {
            allow_privilege_escalation: Some(false),
            privileged: Some(true),
            capabilities: Some(k8s::Capabilities {
                add: Some(vec!["CAP_SYS_ADMIN".into(), "NET_ADMIN".into()]),
                ..Default::default()
            }),
            run_as_user: Some(-1),
            run_as_group: Some(i64::from(i32::MAX) + 1),
            proc_mount: Some("Unmasked".into()),
            ..Default::default()
        };
        let found = container_errors(&context, true);
        let expected: Vec<(String, u16)> = [
            "securityContext.runAsUser",
            "securityContext.runAsGroup",
            "securityContext.procMount",
            "securityContext",
            "securityContext",
        ]
        .iter()
        .map(|p| ((*p).to_owned(), 47))
        .collect();
        assert_eq!(found, expected);
        // With its own user namespace, `Unmasked` is accepted.
        assert_eq!(container_errors(&context, false).len(), 4);
    }

    #[test]
    fn rule_47_short_sys_admin_is_a_warning() {
        let context = k8s::SecurityContext {
            allow_privilege_escalation: Some(false),
            capabilities: Some(k8s::Capabilities {
                add: Some(vec!["SYS_ADMIN".into()]),
                ..Default::default()
            }),
            ..Default::default()
        };
        let mut report = Report::new();
        let at = At::root().field("securityContext");
        container_security_context(&at, &context, true, &mut report);
        assert!(report.errors().is_empty(), "{:?}", report.errors());
        assert_eq!(
            report.warnings()[0].path.as_str(),
            "securityContext.capabilities.add[0]"
        );
    }

    #[test]
    fn rule_47_host_users_false_forbids_host_namespaces() {
        let spec = k8s::PodSpec {
            host_users: Some(false),
            host_network: Some(true),
            host_pid: Some(true),
            host_ipc: Some(true),
            share_process_namespace: Some(true),
            ..Default::default()
        };
        let mut report = Report::new();
        host_namespaces(&At::root().field("spec"), &spec, &mut report);
        let paths: Vec<&str> = report.errors().iter().map(|e| e.path.as_str()).collect();
        assert_eq!(
            paths,
            [
                "spec.hostNetwork",
                "spec.hostPID",
                "spec.hostIPC",
                "spec.securityContext.shareProcessNamespace"
            ]
        );
        let spec = k8s::PodSpec {
            host_network: Some(true),
            ..spec
        };
        let spec = k8s::PodSpec {
            host_users: None,
            share_process_namespace: None,
            ..spec
        };
        let mut report = Report::new();
        host_namespaces(&At::root().field("spec"), &spec, &mut report);
        assert!(report.errors().is_empty());
    }
}
