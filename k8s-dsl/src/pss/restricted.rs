//! The controls the `restricted` profile adds to `baseline`, one function each. A setting
//! that breaks a baseline control too (a `hostPath` volume, `SYS_ADMIN`, an `Unconfined`
//! seccomp profile) is reported once, by the baseline control.

use k8s_openapi::api::core::v1 as core;

use super::baseline::{seccomp_profiles, ALLOWED_CAPABILITIES};
use super::containers::{self, ContainerView};
use super::{Control, Violation};
use crate::rules::shown;
use crate::validate::FieldPath;

/// The one capability a restricted container may add back.
const NET_BIND_SERVICE: &str = "NET_BIND_SERVICE";

/// Every control `restricted` adds, on `spec` at `path`.
pub(super) fn check(spec: &core::PodSpec, path: &FieldPath, found: &mut Vec<Violation>) {
    let views = containers::all(spec, path);
    let linux = !containers::is_windows(spec);
    volume_types(spec, path, found);
    if linux {
        privilege_escalation(&views, found);
    }
    running_as_non_root(spec, &views, path, found);
    running_as_non_root_user(spec, &views, path, found);
    if linux {
        seccomp_required(spec, &views, path, found);
        capabilities(&views, found);
    }
}

/// Volume Types: every volume is a configMap, csi, downwardAPI, emptyDir, ephemeral, image,
/// persistentVolumeClaim, projected or secret volume. Image volumes (an OCI image mounted
/// read-only) are allowed since Kubernetes 1.33 (kubernetes/kubernetes#130394; the
/// documentation's list lags behind).
fn volume_types(spec: &core::PodSpec, path: &FieldPath, found: &mut Vec<Violation>) {
    for (i, volume) in spec.volumes.iter().flatten().enumerate() {
        let allowed = volume.config_map.is_some()
            || volume.csi.is_some()
            || volume.downward_api.is_some()
            || volume.empty_dir.is_some()
            || volume.ephemeral.is_some()
            || volume.image.is_some()
            || volume.persistent_volume_claim.is_some()
            || volume.projected.is_some()
            || volume.secret.is_some();
        // A hostPath volume is reported by the baseline control.
        if !allowed && volume.host_path.is_none() {
            found.push(Violation::new(
                path.field("volumes").index(i),
                Control::VolumeTypes,
                format!("volume {} is not of a type the profile allows", shown(&volume.name)),
                "use a configMap, csi, downwardAPI, emptyDir, ephemeral, image, persistentVolumeClaim, projected or secret volume (a PersistentVolumeClaim can bind any storage)",
            ));
        }
    }
}

/// Privilege Escalation: every container sets `allowPrivilegeEscalation: false`.
fn privilege_escalation(views: &[ContainerView<'_>], found: &mut Vec<Violation>) {
    for view in views {
        let allowed = view
            .security_context
            .and_then(|c| c.allow_privilege_escalation);
        if allowed != Some(false) {
            let message = if allowed == Some(true) {
                "the container allows privilege escalation"
            } else {
                "`allowPrivilegeEscalation` must be set to false"
            };
            found.push(Violation::new(
                view.context_path().field("allowPrivilegeEscalation"),
                Control::PrivilegeEscalation,
                message,
                "set `.allow_privilege_escalation(false)` in the container's security context, or use the pod's `.restricted()` preset",
            ));
        }
    }
}

/// Running as Non-root: `runAsNonRoot: true` on the pod, or on every container; no explicit
/// `false` anywhere. A container that inherits the pod's explicit `false` is not reported
/// again: the pod's field is (as pod-security-admission reports only the explicit setters).
fn running_as_non_root(
    spec: &core::PodSpec,
    views: &[ContainerView<'_>],
    path: &FieldPath,
    found: &mut Vec<Violation>,
) {
    let pod = spec
        .security_context
        .as_ref()
        .and_then(|c| c.run_as_non_root);
    let fix = "set `.run_as_non_root(true)` in the pod's security context (or every container's), or use the `.restricted()` preset";
    if pod == Some(false) {
        found.push(Violation::new(
            path.field("securityContext").field("runAsNonRoot"),
            Control::RunningAsNonRoot,
            "`runAsNonRoot: false` lets the containers run as root",
            fix,
        ));
    }
    for view in views {
        let own = view.security_context.and_then(|c| c.run_as_non_root);
        let message = match own {
            Some(true) => continue,
            Some(false) => "`runAsNonRoot: false` lets the container run as root",
            // Inherited from the pod: `true` passes, `false` is reported at the pod.
            None if pod.is_some() => continue,
            None => {
                "the container may run as root: neither it nor the pod sets `runAsNonRoot: true`"
            }
        };
        found.push(Violation::new(
            view.context_path().field("runAsNonRoot"),
            Control::RunningAsNonRoot,
            message,
            fix,
        ));
    }
}

/// Running as Non-root user: `runAsUser` is not 0, on the pod or any container.
fn running_as_non_root_user(
    spec: &core::PodSpec,
    views: &[ContainerView<'_>],
    path: &FieldPath,
    found: &mut Vec<Violation>,
) {
    let pod = spec.security_context.as_ref().and_then(|c| c.run_as_user);
    let all = std::iter::once((path.field("securityContext"), pod)).chain(views.iter().map(|v| {
        (
            v.context_path(),
            v.security_context.and_then(|c| c.run_as_user),
        )
    }));
    for (at, user) in all {
        if user == Some(0) {
            found.push(Violation::new(
                at.field("runAsUser"),
                Control::RunningAsNonRootUser,
                "`runAsUser: 0` runs the container as root",
                "run as a non-zero user id, such as `.run_as_user(10001)`",
            ));
        }
    }
}

/// Seccomp: `RuntimeDefault` or `Localhost` on the pod, or on every container. An explicit
/// `Unconfined` is reported by the baseline control; this one reports what is missing. A pod
/// profile that is set but not allowed is reported at the pod by the baseline control, and the
/// containers that inherit it are not reported again (as in pod-security-admission).
fn seccomp_required(
    spec: &core::PodSpec,
    views: &[ContainerView<'_>],
    path: &FieldPath,
    found: &mut Vec<Violation>,
) {
    let profiles = seccomp_profiles(spec, views, path);
    let mut profiles = profiles.into_iter();
    let pod_set = profiles.next().and_then(|(_, pod)| pod).is_some();
    if pod_set {
        return;
    }
    for (at, profile) in profiles {
        if profile.is_none() {
            found.push(Violation::new(
                at.field("seccompProfile"),
                Control::SeccompRequired,
                "no seccomp profile: neither the container nor the pod sets one",
                "set `.seccomp_profile(SeccompProfileType::RuntimeDefault)` in the pod's security context, or use the `.restricted()` preset",
            ));
        }
    }
}

/// Capabilities: every container drops `ALL` and adds back at most `NET_BIND_SERVICE`. An added
/// capability outside the baseline's default set is reported by the baseline control.
fn capabilities(views: &[ContainerView<'_>], found: &mut Vec<Violation>) {
    for view in views {
        let caps = view.security_context.and_then(|c| c.capabilities.as_ref());
        let at = view.context_path().field("capabilities");
        let drops_all = caps
            .and_then(|c| c.drop.as_deref())
            .unwrap_or_default()
            .iter()
            .any(|c| c == "ALL");
        if !drops_all {
            found.push(Violation::new(
                at.field("drop"),
                Control::CapabilitiesRestricted,
                "the container keeps the default capabilities: `drop` does not list `ALL`",
                "add `.drop_capability(\"ALL\")` to the container's security context, or use the `.restricted()` preset",
            ));
        }
        let added = caps.and_then(|c| c.add.as_deref()).unwrap_or_default();
        for (i, capability) in added.iter().enumerate() {
            let name = capability.as_str();
            if name != NET_BIND_SERVICE && ALLOWED_CAPABILITIES.contains(&name) {
                found.push(Violation::new(
                    at.field("add").index(i),
                    Control::CapabilitiesRestricted,
                    format!("capability {} may not be added back", shown(name)),
                    "add back only `NET_BIND_SERVICE`",
                ));
            }
        }
    }
}
