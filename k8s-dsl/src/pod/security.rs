//! A container's security context (rule 47).

use k8s_openapi::api::core::v1 as api;

use crate::rules::enums::SeccompProfileType;

/// Privileges and access control of one container (`spec.containers[].securityContext`).
///
/// Nothing is set unless asked for; [`SecurityContext::restricted`] is the preset that meets
/// the "restricted" Pod Security Standard.
///
/// ```
/// use k8s_dsl::prelude::*;
///
/// let hardened = SecurityContext::restricted()
///     .run_as_user(10001)
///     .read_only_root_filesystem(true);
/// let debug = SecurityContext::new().add_capability("NET_ADMIN");
/// # let _ = (hardened, debug);
/// ```
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SecurityContext {
    run_as_user: Option<i64>,
    run_as_group: Option<i64>,
    run_as_non_root: Option<bool>,
    read_only_root_filesystem: Option<bool>,
    allow_privilege_escalation: Option<bool>,
    privileged: Option<bool>,
    add: Vec<String>,
    drop: Vec<String>,
    seccomp: Option<(SeccompProfileType, Option<String>)>,
}

impl SecurityContext {
    /// An empty security context (the pod's and the runtime's defaults apply).
    pub fn new() -> Self {
        SecurityContext::default()
    }

    /// The "restricted" Pod Security Standard: `runAsNonRoot: true`,
    /// `allowPrivilegeEscalation: false`, all capabilities dropped and the runtime's default
    /// seccomp profile.
    pub fn restricted() -> Self {
        SecurityContext::new()
            .run_as_non_root(true)
            .allow_privilege_escalation(false)
            .drop_capability("ALL")
            .seccomp_profile(SeccompProfileType::RuntimeDefault)
    }

    /// The user ID the container's process runs as (rule 47: 0 to 2147483647).
    pub fn run_as_user(mut self, uid: i64) -> Self {
        self.run_as_user = Some(uid);
        self
    }

    /// The primary group ID of the container's process (rule 47: 0 to 2147483647).
    pub fn run_as_group(mut self, gid: i64) -> Self {
        self.run_as_group = Some(gid);
        self
    }

    /// Whether the kubelet must refuse to start the container as root.
    pub fn run_as_non_root(mut self, yes: bool) -> Self {
        self.run_as_non_root = Some(yes);
        self
    }

    /// Whether the container's root filesystem is read-only.
    pub fn read_only_root_filesystem(mut self, yes: bool) -> Self {
        self.read_only_root_filesystem = Some(yes);
        self
    }

    /// Whether a process may gain more privileges than its parent (rule 47: `false` conflicts
    /// with `privileged: true` and with adding `CAP_SYS_ADMIN`).
    pub fn allow_privilege_escalation(mut self, yes: bool) -> Self {
        self.allow_privilege_escalation = Some(yes);
        self
    }

    /// Whether the container runs privileged (as root on the host, with every device).
    pub fn privileged(mut self, yes: bool) -> Self {
        self.privileged = Some(yes);
        self
    }

    /// Adds a Linux capability, such as `NET_ADMIN`.
    pub fn add_capability(mut self, capability: impl Into<String>) -> Self {
        self.add.push(capability.into());
        self
    }

    /// Drops a Linux capability, or `ALL`.
    pub fn drop_capability(mut self, capability: impl Into<String>) -> Self {
        self.drop.push(capability.into());
        self
    }

    /// The seccomp profile: `RuntimeDefault` or `Unconfined`. For a profile file on the node,
    /// use [`SecurityContext::seccomp_localhost`].
    pub fn seccomp_profile(mut self, profile: SeccompProfileType) -> Self {
        self.seccomp = Some((profile, None));
        self
    }

    /// A seccomp profile file on the node (`type: Localhost`, `localhostProfile: path`),
    /// relative to the kubelet's seccomp directory.
    pub fn seccomp_localhost(mut self, path: impl Into<String>) -> Self {
        self.seccomp = Some((SeccompProfileType::Localhost, Some(path.into())));
        self
    }

    /// The k8s-openapi form (rule 47 is checked with the pod spec: `validate::pod`).
    pub(crate) fn to_k8s(&self) -> api::SecurityContext {
        let capabilities =
            (!self.add.is_empty() || !self.drop.is_empty()).then(|| api::Capabilities {
                add: (!self.add.is_empty()).then(|| self.add.clone()),
                drop: (!self.drop.is_empty()).then(|| self.drop.clone()),
            });
        let seccomp_profile = self
            .seccomp
            .as_ref()
            .map(|(kind, localhost)| api::SeccompProfile {
                localhost_profile: localhost.clone(),
                type_: kind.as_str().to_owned(),
            });
        api::SecurityContext {
            allow_privilege_escalation: self.allow_privilege_escalation,
            capabilities,
            privileged: self.privileged,
            read_only_root_filesystem: self.read_only_root_filesystem,
            run_as_group: self.run_as_group,
            run_as_non_root: self.run_as_non_root,
            run_as_user: self.run_as_user,
            seccomp_profile,
            ..api::SecurityContext::default()
        }
    }
}
