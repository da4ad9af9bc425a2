//! The pod security context (`ValidatePodSecurityContext`): user and group ids within
//! 0..MaxInt32 (as rule 47 asks of containers) and the seccomp profile
//! (`validateSeccompProfileField`).

use k8s_openapi::api::core::v1 as k8s;

use crate::rules::enums::SeccompProfileType;
use crate::validate::{At, Report};

/// The largest value of an `int32` field (`math.MaxInt32`).
const MAX_INT32: i64 = i32::MAX as i64;

/// Checks the pod's `securityContext` at `path`.
pub(crate) fn pod_security_context(
    path: &At<'_>,
    context: &k8s::PodSecurityContext,
    report: &mut Report,
) {
    let mut check_id = |field: At<'_>, id: i64, what: &str| {
        if !(0..=MAX_INT32).contains(&id) {
            report.error(
                &field,
                47,
                format!("{what} {id} is not between 0 and {MAX_INT32}"),
                "give a non-negative 32-bit id",
            );
        }
    };
    for (field, id, what) in [
        ("runAsUser", context.run_as_user, "user id"),
        ("runAsGroup", context.run_as_group, "group id"),
        ("fsGroup", context.fs_group, "group id"),
    ] {
        if let Some(id) = id {
            check_id(path.field(field), id, what);
        }
    }
    for (i, gid) in context.supplemental_groups.iter().flatten().enumerate() {
        check_id(path.field("supplementalGroups").index(i), *gid, "group id");
    }
    if let Some(profile) = &context.seccomp_profile {
        seccomp_profile(&path.field("seccompProfile"), profile, report);
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
    if kind == SeccompProfileType::Localhost && profile.localhost_profile.is_none() {
        report.error(
            &path.field("localhostProfile"),
            47,
            "a `Localhost` seccomp profile needs the profile file",
            "use `.seccomp_localhost(\"profiles/app.json\")`",
        );
    }
}
