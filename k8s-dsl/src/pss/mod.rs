//! Pod Security Standards: the `baseline` and `restricted` profiles of the Kubernetes
//! documentation ("Pod Security Standards"), checked field by field on a built `PodSpec`, and
//! presets that set what a profile requires.
//!
//! - [`check`] reports every violation of a [`Profile`] in a k8s-openapi `PodSpec`, each with
//!   its field path, the [`Control`] it breaks and the fix. It works on the built spec, so it
//!   covers Pods, every workload's template and objects imported from YAML alike.
//!   [`check_annotations`] checks the pod annotations the AppArmor control restricts.
//! - [`apply_preset`] sets what a profile requires where nothing was set.
//! - The builders ask for both: `Pod::restricted()`, `Pod::baseline()` and
//!   `Pod::require_profile(..)`, the same methods on `Deployment`, `StatefulSet`, `DaemonSet`,
//!   `Job` and `CronJob` (for their template), and `Bundle::require(..)` for every pod of a
//!   bundle. A preset is only ever applied when asked for.
//!
//! The checks follow the published profiles (Kubernetes 1.33 to 1.37) as pod-security-admission
//! enforces them, including the "Host Probes / Lifecycle Hooks" control of 1.34, the sysctls
//! `net.ipv4.tcp_rmem` and `net.ipv4.tcp_wmem` (1.32) and image volumes under `restricted`
//! (1.33). Linux-only controls of `restricted` (privilege escalation, seccomp, capabilities)
//! are skipped for pods with `spec.os.name: windows`, as the standard says.
//!
//! Where versions differ, the check is the strict one, so a pod that passes passes on every
//! version: from 1.35 on, pods in a user namespace (`hostUsers: false`) may set any
//! `procMount` under `baseline` and are exempt from "Running as Non-root" and "Running as
//! Non-root user"; 1.33 and 1.34 enforce those controls on them (unless the alpha feature gate
//! `UserNamespacesPodSecurityStandards` is on), and so does this check.
//!
//! ```
//! use k8s_dsl::prelude::*;
//!
//! // The preset sets runAsNonRoot, seccomp, allowPrivilegeEscalation and drops capabilities:
//! let pod = Pod::new("web")
//!     .restricted()
//!     .container(Container::new("web").image("nginx:1.27"))
//!     .build()?;
//! let spec = pod.spec.unwrap_or_default();
//! assert!(k8s_dsl::pss::check(&spec, Profile::Restricted, &FieldPath::parse("spec")).is_empty());
//!
//! // Requiring a profile reports every setting that breaks it, with its path:
//! let errors = Pod::new("debug")
//!     .require_profile(Profile::Baseline)
//!     .host_network(true)
//!     .container(Container::new("sh").image("busybox:1.36"))
//!     .build()
//!     .unwrap_err();
//! assert!(errors.has("spec.hostNetwork", 0));
//! # Ok::<(), k8s_dsl::Errors>(())
//! ```

mod baseline;
mod containers;
mod preset;
mod restricted;

use std::collections::BTreeMap;
use std::fmt;

use k8s_openapi::api::core::v1::PodSpec;
use k8s_openapi::apimachinery::pkg::apis::meta::v1::ObjectMeta;

use crate::validate::{At, Error, FieldPath, Report};

pub use preset::apply_preset;

/// A Pod Security Standard profile. Profiles are cumulative: `Restricted` contains every
/// control of `Baseline`, which `Privileged` does not restrict at all.
///
/// ```
/// use k8s_dsl::prelude::*;
///
/// assert_eq!(Profile::Restricted.as_str(), "restricted");
/// assert_eq!(Profile::Baseline.to_string(), "baseline");
/// assert_eq!(Profile::ALL, [Profile::Privileged, Profile::Baseline, Profile::Restricted]);
/// assert!(Profile::Restricted > Profile::Baseline); // profiles are cumulative
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Profile {
    /// No restrictions (system and infrastructure workloads).
    Privileged,
    /// Prevents known privilege escalations; the default pod configuration passes.
    Baseline,
    /// Current pod hardening best practice: non-root, no privilege escalation, seccomp, no
    /// capabilities beyond `NET_BIND_SERVICE`, a short list of volume types.
    Restricted,
}

impl Profile {
    /// Every profile, least restrictive first.
    pub const ALL: [Profile; 3] = [Profile::Privileged, Profile::Baseline, Profile::Restricted];

    /// The name the documentation and the `pod-security.kubernetes.io/*` labels use.
    pub fn as_str(self) -> &'static str {
        match self {
            Profile::Privileged => "privileged",
            Profile::Baseline => "baseline",
            Profile::Restricted => "restricted",
        }
    }
}

impl fmt::Display for Profile {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One control of a profile, as the documentation names it.
///
/// ```
/// use k8s_dsl::prelude::*;
/// use k8s_dsl::pss::Control;
///
/// assert_eq!(Control::HostNamespaces.name(), "Host Namespaces");
/// assert_eq!(Control::HostNamespaces.profile(), Profile::Baseline);
/// assert_eq!(Control::PrivilegeEscalation.profile(), Profile::Restricted);
/// assert_eq!(Control::ProcMount.to_string(), "/proc Mount Type");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Control {
    /// Baseline: no Windows HostProcess containers (`windowsOptions.hostProcess`).
    HostProcess,
    /// Baseline: no `hostNetwork`, `hostPID` or `hostIPC`.
    HostNamespaces,
    /// Baseline: no `privileged: true`.
    PrivilegedContainers,
    /// Baseline: `capabilities.add` only from the default set.
    Capabilities,
    /// Baseline: no `hostPath` volumes.
    HostPathVolumes,
    /// Baseline: no `hostPort` other than 0.
    HostPorts,
    /// Baseline (Kubernetes 1.34+): no `host` in probes and lifecycle hooks.
    HostProbes,
    /// Baseline: the AppArmor profile is not `Unconfined`.
    AppArmor,
    /// Baseline: SELinux type from the container types only; no user or role.
    SeLinux,
    /// Baseline: `procMount` is `Default`.
    ProcMount,
    /// Baseline: the seccomp profile is not `Unconfined`.
    Seccomp,
    /// Baseline: only the safe sysctls.
    Sysctls,
    /// Restricted: only configMap, csi, downwardAPI, emptyDir, ephemeral, image (1.33+),
    /// persistentVolumeClaim, projected and secret volumes.
    VolumeTypes,
    /// Restricted: `allowPrivilegeEscalation: false` on every container.
    PrivilegeEscalation,
    /// Restricted: `runAsNonRoot: true` on the pod or every container.
    RunningAsNonRoot,
    /// Restricted: `runAsUser` is not 0.
    RunningAsNonRootUser,
    /// Restricted: a seccomp profile `RuntimeDefault` or `Localhost` on the pod or every
    /// container.
    SeccompRequired,
    /// Restricted: every container drops `ALL` and adds back only `NET_BIND_SERVICE`.
    CapabilitiesRestricted,
}

impl Control {
    /// The control's name in the documentation.
    pub fn name(self) -> &'static str {
        match self {
            Control::HostProcess => "HostProcess",
            Control::HostNamespaces => "Host Namespaces",
            Control::PrivilegedContainers => "Privileged Containers",
            Control::Capabilities | Control::CapabilitiesRestricted => "Capabilities",
            Control::HostPathVolumes => "HostPath Volumes",
            Control::HostPorts => "Host Ports",
            Control::HostProbes => "Host Probes / Lifecycle Hooks",
            Control::AppArmor => "AppArmor",
            Control::SeLinux => "SELinux",
            Control::ProcMount => "/proc Mount Type",
            Control::Seccomp | Control::SeccompRequired => "Seccomp",
            Control::Sysctls => "Sysctls",
            Control::VolumeTypes => "Volume Types",
            Control::PrivilegeEscalation => "Privilege Escalation",
            Control::RunningAsNonRoot => "Running as Non-root",
            Control::RunningAsNonRootUser => "Running as Non-root user",
        }
    }

    /// The least restrictive profile that has this control.
    pub fn profile(self) -> Profile {
        match self {
            Control::VolumeTypes
            | Control::PrivilegeEscalation
            | Control::RunningAsNonRoot
            | Control::RunningAsNonRootUser
            | Control::SeccompRequired
            | Control::CapabilitiesRestricted => Profile::Restricted,
            _ => Profile::Baseline,
        }
    }
}

impl fmt::Display for Control {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// One setting that breaks a profile: where, which control, what is wrong, and the fix.
///
/// ```
/// use k8s_dsl::prelude::*;
/// use k8s_dsl::pss::{self, Control};
///
/// let pod = Pod::new("debug")
///     .host_network(true)
///     .container(Container::new("sh").image("busybox:1.36"))
///     .build()?;
/// let found = pss::check(&pod.spec.unwrap_or_default(), Profile::Baseline, &FieldPath::parse("spec"));
/// assert_eq!(found.len(), 1);
/// let violation = found[0].clone();
/// assert_eq!(violation.control, Control::HostNamespaces);
/// assert_eq!(violation.path.as_str(), "spec.hostNetwork");
///
/// let error = violation.into_error();
/// assert_eq!(error.rule, 0);
/// assert!(error.message.ends_with("(pod security standard `baseline`, control \"Host Namespaces\")"));
/// # Ok::<(), k8s_dsl::Errors>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Violation {
    /// The field path (`spec.containers[0].securityContext.allowPrivilegeEscalation`).
    pub path: FieldPath,
    /// The control broken.
    pub control: Control,
    /// What is wrong.
    pub message: String,
    /// How to fix it.
    pub fix: String,
}

impl Violation {
    fn new(
        path: FieldPath,
        control: Control,
        message: impl Into<String>,
        fix: impl Into<String>,
    ) -> Self {
        Violation {
            path,
            control,
            message: message.into(),
            fix: fix.into(),
        }
    }

    /// The violation as a build [`Error`] (rule 0: a check of this project, not an API
    /// server rule); the message names the profile and the control.
    pub fn into_error(self) -> Error {
        Error {
            message: format!(
                "{} (pod security standard `{}`, control \"{}\")",
                self.message,
                self.control.profile(),
                self.control.name()
            ),
            path: self.path,
            rule: 0,
            fix: self.fix,
        }
    }
}

impl fmt::Display for Violation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.clone().into_error())
    }
}

/// Every violation of `profile` in `spec`, whose own path is `path` (`spec`, or
/// `spec.template.spec` in a workload). `Profile::Privileged` allows everything.
///
/// ```
/// use k8s_dsl::prelude::*;
/// use k8s_dsl::pss::{self, Control};
///
/// let pod = Pod::new("web")
///     .container(Container::new("web").image("nginx:1.27"))
///     .build()?;
/// let spec = pod.spec.unwrap_or_default();
/// assert!(pss::check(&spec, Profile::Baseline, &FieldPath::parse("spec")).is_empty());
/// let found = pss::check(&spec, Profile::Restricted, &FieldPath::parse("spec"));
/// assert!(found.iter().any(|v| v.control == Control::PrivilegeEscalation
///     && v.path.as_str() == "spec.containers[0].securityContext.allowPrivilegeEscalation"));
/// # Ok::<(), k8s_dsl::Errors>(())
/// ```
pub fn check(spec: &PodSpec, profile: Profile, path: &FieldPath) -> Vec<Violation> {
    let mut found = Vec::new();
    if profile >= Profile::Baseline {
        baseline::check(spec, path, &mut found);
    }
    if profile >= Profile::Restricted {
        restricted::check(spec, path, &mut found);
    }
    found
}

/// Every violation of `profile` in the pod annotations (the AppArmor control restricts
/// `container.apparmor.security.beta.kubernetes.io/*`); `path` is the pod metadata's path
/// (`metadata`, or `spec.template.metadata`).
///
/// ```
/// use std::collections::BTreeMap;
/// use k8s_dsl::prelude::*;
/// use k8s_dsl::pss::{check_annotations, Control};
///
/// let annotations = BTreeMap::from([(
///     "container.apparmor.security.beta.kubernetes.io/web".to_string(),
///     "unconfined".to_string(),
/// )]);
/// let found = check_annotations(Some(&annotations), Profile::Baseline, &FieldPath::parse("metadata"));
/// assert_eq!(found.len(), 1);
/// assert_eq!(found[0].control, Control::AppArmor);
/// assert!(found[0].path.as_str().starts_with("metadata.annotations"));
/// assert!(check_annotations(Some(&annotations), Profile::Privileged, &FieldPath::parse("metadata")).is_empty());
/// ```
pub fn check_annotations(
    annotations: Option<&BTreeMap<String, String>>,
    profile: Profile,
    path: &FieldPath,
) -> Vec<Violation> {
    let mut found = Vec::new();
    if profile >= Profile::Baseline {
        baseline::app_armor_annotations(annotations, path, &mut found);
    }
    found
}

/// What a pod builder was asked for: a preset to apply, and a profile to meet.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Policy {
    preset: Option<Profile>,
    required: Option<Profile>,
}

impl Policy {
    /// Applies the preset of `profile` (and requires the profile).
    pub(crate) fn preset(self, profile: Profile) -> Self {
        Policy {
            preset: self.preset.max(Some(profile)),
            required: self.required.max(Some(profile)),
        }
    }

    /// Requires `profile`, without setting anything.
    pub(crate) fn require(self, profile: Profile) -> Self {
        Policy {
            required: self.required.max(Some(profile)),
            ..self
        }
    }

    /// The stricter of both policies.
    pub(crate) fn merge(self, other: Policy) -> Self {
        Policy {
            preset: self.preset.max(other.preset),
            required: self.required.max(other.required),
        }
    }

    /// Applies the preset to `spec` and reports every violation of the required profile in
    /// `metadata` and `spec` (at `metadata_path`, `spec_path`) into `report`.
    pub(crate) fn enforce(
        &self,
        metadata: &ObjectMeta,
        metadata_path: &At<'_>,
        spec: &mut PodSpec,
        spec_path: &At<'_>,
        report: &mut Report,
    ) {
        if let Some(profile) = self.preset {
            apply_preset(spec, profile);
        }
        let Some(profile) = self.required else {
            return;
        };
        let (metadata_path, spec_path) = (metadata_path.to_path(), spec_path.to_path());
        let found = check_annotations(metadata.annotations.as_ref(), profile, &metadata_path)
            .into_iter()
            .chain(check(spec, profile, &spec_path));
        for violation in found {
            let error = violation.into_error();
            report.error(&error.path, error.rule, error.message, error.fix);
        }
    }
}

/// The `restricted`, `baseline` and `require_profile` methods of a workload builder with a
/// `pss: Policy` field and an optional `$inner` (its pod template, or a CronJob's Job) that
/// has `with_pss`.
macro_rules! pss_methods {
    ($inner:ident) => {
        /// Applies the "restricted" Pod Security Standard preset to the pod template (see
        /// [`Pod::restricted`](crate::pod::Pod::restricted)), also to a template given later,
        /// and requires the profile: `build()` fails with every violation.
        pub fn restricted(self) -> Self {
            self.with_pss(crate::pss::Policy::default().preset(crate::pss::Profile::Restricted))
        }

        /// Requires the "baseline" Pod Security Standard of the pod template (see
        /// [`Pod::baseline`](crate::pod::Pod::baseline)).
        pub fn baseline(self) -> Self {
            self.with_pss(crate::pss::Policy::default().preset(crate::pss::Profile::Baseline))
        }

        /// Requires the pod template to meet `profile`, setting nothing: `build()` fails with
        /// every violation, each with its path under the template.
        pub fn require_profile(self, profile: crate::pss::Profile) -> Self {
            self.with_pss(crate::pss::Policy::default().require(profile))
        }

        /// Records `policy` and applies it to the template (or Job) set so far.
        pub(crate) fn with_pss(mut self, policy: crate::pss::Policy) -> Self {
            self.pss = self.pss.merge(policy);
            self.$inner = self.$inner.map(|inner| inner.with_pss(policy));
            self
        }
    };
}
pub(crate) use pss_methods;

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing, clippy::panic)]
mod tests {
    use super::*;

    #[test]
    fn profiles_are_ordered_and_named() {
        assert!(Profile::Privileged < Profile::Baseline);
        assert!(Profile::Baseline < Profile::Restricted);
        assert_eq!(Profile::Restricted.to_string(), "restricted");
        assert_eq!(Control::SeccompRequired.name(), "Seccomp");
        assert_eq!(Control::SeccompRequired.profile(), Profile::Restricted);
        assert_eq!(Control::HostPorts.profile(), Profile::Baseline);
    }

    #[test]
    fn policies_merge_to_the_stricter() {
        let policy = Policy::default()
            .require(Profile::Restricted)
            .merge(Policy::default().preset(Profile::Baseline));
        assert_eq!(policy.required, Some(Profile::Restricted));
        assert_eq!(policy.preset, Some(Profile::Baseline));
    }

    #[test]
    fn privileged_allows_everything() {
        let spec = PodSpec {
            host_network: Some(true),
            ..PodSpec::default()
        };
        assert!(check(&spec, Profile::Privileged, &FieldPath::parse("spec")).is_empty());
        assert_eq!(
            check(&spec, Profile::Baseline, &FieldPath::parse("spec")).len(),
            1
        );
    }
}
