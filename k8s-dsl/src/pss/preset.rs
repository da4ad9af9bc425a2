//! The presets: what a profile requires, set on a built `PodSpec` where nothing was set.

use k8s_openapi::api::core::v1 as core;

use super::containers::is_windows;
use super::Profile;

/// Sets what `profile` requires in `spec`, keeping every value that was set explicitly (a
/// value that breaks the profile stays, for [`check`](super::check) to report).
///
/// - `Privileged` and `Baseline` require nothing to be set: baseline only forbids settings.
/// - `Restricted` sets the pod's `runAsNonRoot: true` and `seccompProfile: RuntimeDefault`,
///   and on every container `allowPrivilegeEscalation: false` and `capabilities.drop: [ALL]`.
///   On a Windows pod (`spec.os.name: windows`) only `runAsNonRoot` is set: the API server
///   forbids the Linux-only fields there.
///
/// ```
/// use k8s_dsl::pss::{apply_preset, check, Profile};
/// use k8s_dsl::FieldPath;
/// use k8s_openapi::api::core::v1::{Container, PodSpec};
///
/// let mut spec = PodSpec {
///     containers: vec![Container { name: "app".into(), image: Some("nginx:1.27".into()), ..Default::default() }],
///     ..Default::default()
/// };
/// apply_preset(&mut spec, Profile::Restricted);
/// assert!(check(&spec, Profile::Restricted, &FieldPath::parse("spec")).is_empty());
/// ```
pub fn apply_preset(spec: &mut core::PodSpec, profile: Profile) {
    if profile < Profile::Restricted {
        return;
    }
    let linux = !is_windows(spec);
    let pod = spec.security_context.get_or_insert_with(Default::default);
    pod.run_as_non_root.get_or_insert(true);
    if linux && pod.seccomp_profile.is_none() {
        pod.seccomp_profile = Some(core::SeccompProfile {
            type_: "RuntimeDefault".to_owned(),
            ..Default::default()
        });
    }
    if !linux {
        return;
    }
    let contexts = spec
        .init_containers
        .iter_mut()
        .flatten()
        .map(|c| &mut c.security_context)
        .chain(spec.containers.iter_mut().map(|c| &mut c.security_context))
        .chain(
            spec.ephemeral_containers
                .iter_mut()
                .flatten()
                .map(|c| &mut c.security_context),
        );
    for context in contexts {
        restrict_container(context.get_or_insert_with(Default::default));
    }
}

/// `allowPrivilegeEscalation: false` unless set, and `ALL` in `capabilities.drop`.
fn restrict_container(context: &mut core::SecurityContext) {
    context.allow_privilege_escalation.get_or_insert(false);
    let capabilities = context.capabilities.get_or_insert_with(Default::default);
    let drop = capabilities.drop.get_or_insert_with(Vec::new);
    if !drop.iter().any(|c| c == "ALL") {
        drop.push("ALL".to_owned());
    }
}
