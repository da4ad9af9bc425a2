//! Security contexts (rule 47): the predicates of `ValidateSecurityContext`,
//! `validatePodSpecSecurityContext` and `validateHostUsers`, shared by the macros' compile-time
//! checks and the validation pass over objects.
//!
//! ```
//! use k8s_dsl_rules::security;
//!
//! assert!(security::privileged_contradicts_no_escalation(Some(false), Some(true)).is_err());
//! assert!(security::privileged_contradicts_no_escalation(None, Some(true)).is_ok());
//! assert!(security::sys_admin_contradicts_no_escalation(Some(false), "CAP_SYS_ADMIN").is_err());
//! assert_eq!(security::user_id(-1).unwrap_err().rule, 47);
//! ```

use super::{shown, Checked, Violation};

/// The highest user or group ID (`IsValidUserID`, `IsValidGroupID`: `math.MaxInt32`).
pub const MAX_ID: i64 = i32::MAX as i64;

/// The capability that `allowPrivilegeEscalation: false` forbids adding, as the API server
/// spells it.
pub const SYS_ADMIN: &str = "CAP_SYS_ADMIN";

/// An ID of `what` (`user` or `group`) in 0..=MaxInt32.
fn id(id: i64, what: &str) -> Checked {
    if (0..=MAX_ID).contains(&id) {
        return Ok(());
    }
    Err(Violation::new(
        47,
        format!("{what} ID {id} is out of range 0-{MAX_ID}"),
        format!("use a {what} ID between 0 and {MAX_ID}"),
    ))
}

/// A user ID (`runAsUser`, `IsValidUserID`): 0 to 2147483647.
///
/// ```
/// use k8s_dsl_rules::security::user_id;
///
/// assert!(user_id(0).is_ok());
/// assert!(user_id(2147483647).is_ok());
/// assert_eq!(user_id(2147483648).unwrap_err().message, "user ID 2147483648 is out of range 0-2147483647");
/// ```
pub fn user_id(uid: i64) -> Checked {
    id(uid, "user")
}

/// A group ID (`runAsGroup`, `fsGroup`, `supplementalGroups`, `IsValidGroupID`): 0 to
/// 2147483647.
///
/// ```
/// use k8s_dsl_rules::security::group_id;
///
/// assert!(group_id(3000).is_ok());
/// assert!(group_id(-5).is_err());
/// ```
pub fn group_id(gid: i64) -> Checked {
    id(gid, "group")
}

/// `allowPrivilegeEscalation: false` contradicts `privileged: true` (a privileged process has
/// every privilege already). Both fields as given; unset is `None`.
///
/// ```
/// use k8s_dsl_rules::security::privileged_contradicts_no_escalation;
///
/// let v = privileged_contradicts_no_escalation(Some(false), Some(true)).unwrap_err();
/// assert_eq!(v.message, "cannot set `allowPrivilegeEscalation` to false and `privileged` to true");
/// assert!(privileged_contradicts_no_escalation(Some(true), Some(true)).is_ok());
/// assert!(privileged_contradicts_no_escalation(Some(false), Some(false)).is_ok());
/// ```
pub fn privileged_contradicts_no_escalation(
    allow_privilege_escalation: Option<bool>,
    privileged: Option<bool>,
) -> Checked {
    if allow_privilege_escalation == Some(false) && privileged == Some(true) {
        return Err(Violation::new(
            47,
            "cannot set `allowPrivilegeEscalation` to false and `privileged` to true",
            "remove `privileged: true`, or allow privilege escalation",
        ));
    }
    Ok(())
}

/// `allowPrivilegeEscalation: false` contradicts adding `CAP_SYS_ADMIN`; `capability` is one
/// entry of `capabilities.add`. The API server refuses only this spelling (see
/// [`is_sys_admin`] for the short one).
///
/// ```
/// use k8s_dsl_rules::security::sys_admin_contradicts_no_escalation;
///
/// assert!(sys_admin_contradicts_no_escalation(Some(false), "CAP_SYS_ADMIN").is_err());
/// assert!(sys_admin_contradicts_no_escalation(Some(false), "NET_ADMIN").is_ok());
/// assert!(sys_admin_contradicts_no_escalation(None, "CAP_SYS_ADMIN").is_ok());
/// ```
pub fn sys_admin_contradicts_no_escalation(
    allow_privilege_escalation: Option<bool>,
    capability: &str,
) -> Checked {
    if allow_privilege_escalation == Some(false) && capability == SYS_ADMIN {
        return Err(Violation::new(
            47,
            "cannot set `allowPrivilegeEscalation` to false and add `CAP_SYS_ADMIN`",
            "do not add `CAP_SYS_ADMIN`, or allow privilege escalation",
        ));
    }
    Ok(())
}

/// Whether `capability` names `CAP_SYS_ADMIN`, with or without the `CAP_` prefix (the runtime
/// adds it). Only the long form is refused with `allowPrivilegeEscalation: false`; the short
/// one is the same capability, so the contradiction is likely a mistake.
///
/// ```
/// use k8s_dsl_rules::security::is_sys_admin;
///
/// assert!(is_sys_admin("SYS_ADMIN"));
/// assert!(is_sys_admin("CAP_SYS_ADMIN"));
/// assert!(!is_sys_admin("NET_ADMIN"));
/// ```
pub fn is_sys_admin(capability: &str) -> bool {
    capability == SYS_ADMIN || capability == "SYS_ADMIN"
}

/// `procMount` (`ValidateProcMountType`): `Default` or `Unmasked`, and `Unmasked` only in a
/// pod with its own user namespace (`hostUsers: false`). `host_users` is the pod's setting,
/// true when unset.
///
/// ```
/// use k8s_dsl_rules::security::proc_mount;
///
/// assert!(proc_mount("Default", true).is_ok());
/// assert!(proc_mount("Unmasked", false).is_ok());
/// assert!(proc_mount("Unmasked", true).is_err());
/// assert!(proc_mount("unmasked", false).is_err());
/// ```
pub fn proc_mount(value: &str, host_users: bool) -> Checked {
    match value {
        "Default" => Ok(()),
        "Unmasked" if host_users => Err(Violation::new(
            47,
            "`procMount: Unmasked` needs a user namespace (`hostUsers: false`)",
            "set `hostUsers: false` on the pod, or use `Default`",
        )),
        "Unmasked" => Ok(()),
        _ => Err(crate::enums::unknown(
            value,
            "proc mount type",
            47,
            &["Default", "Unmasked"],
        )),
    }
}

/// `validateHostUsers`: a pod with its own user namespace (`hostUsers: false`) may not share
/// the host's network, PID or IPC namespace. `field` is the host namespace field
/// (`hostNetwork`, `hostPID`, `hostIPC`) and `shared` its value.
///
/// ```
/// use k8s_dsl_rules::security::host_namespace_with_user_namespace;
///
/// assert!(host_namespace_with_user_namespace(Some(false), "hostPID", true).is_err());
/// assert!(host_namespace_with_user_namespace(None, "hostPID", true).is_ok());
/// assert!(host_namespace_with_user_namespace(Some(false), "hostPID", false).is_ok());
/// ```
pub fn host_namespace_with_user_namespace(
    host_users: Option<bool>,
    field: &str,
    shared: bool,
) -> Checked {
    if host_users == Some(false) && shared {
        return Err(Violation::new(
            47,
            format!("{} may not be true when `hostUsers` is false", shown(field)),
            format!("remove `{field}: true`, or `hostUsers: false`"),
        ));
    }
    Ok(())
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn rule_47_ids_are_0_to_max_int32() {
        for ok in [0, 1000, MAX_ID] {
            assert!(user_id(ok).is_ok() && group_id(ok).is_ok(), "{ok}");
        }
        for bad in [-1, MAX_ID + 1, i64::MIN, i64::MAX] {
            assert_eq!(user_id(bad).unwrap_err().rule, 47, "{bad}");
            assert_eq!(group_id(bad).unwrap_err().rule, 47, "{bad}");
        }
    }

    #[test]
    fn rule_47_no_escalation_contradicts_privileged_and_cap_sys_admin() {
        assert!(privileged_contradicts_no_escalation(Some(false), Some(true)).is_err());
        for (allow, privileged) in [
            (None, Some(true)),
            (Some(true), Some(true)),
            (Some(false), None),
            (Some(false), Some(false)),
        ] {
            assert!(
                privileged_contradicts_no_escalation(allow, privileged).is_ok(),
                "{allow:?} {privileged:?}"
            );
        }
        assert!(sys_admin_contradicts_no_escalation(Some(false), "CAP_SYS_ADMIN").is_err());
        // The API server compares the exact text.
        assert!(sys_admin_contradicts_no_escalation(Some(false), "SYS_ADMIN").is_ok());
        assert!(sys_admin_contradicts_no_escalation(Some(false), "cap_sys_admin").is_ok());
        assert!(is_sys_admin("SYS_ADMIN"));
    }

    #[test]
    fn rule_47_proc_mount_and_host_users() {
        assert_eq!(proc_mount("Unmasked", true).unwrap_err().rule, 47);
        assert!(proc_mount("Unmasked", false).is_ok());
        let v = proc_mount("Unmask", false).unwrap_err();
        assert!(v.fix.contains("Unmasked"), "{v}");
        for field in ["hostNetwork", "hostPID", "hostIPC"] {
            assert!(host_namespace_with_user_namespace(Some(false), field, true).is_err());
            assert!(host_namespace_with_user_namespace(Some(true), field, true).is_ok());
        }
    }
}
