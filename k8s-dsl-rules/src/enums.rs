//! The string enums of the Kubernetes API, each written once.
//!
//! Every enum has the Kubernetes spelling in [`as_str`](RestartPolicy::as_str) and
//! [`Display`](std::fmt::Display), all its values in `ALL`, the words used in messages in
//! `WHAT`, the rule-list number that lists its values in `RULE` (0 when no API-server rule
//! does), and a [`FromStr`] whose error lists the valid values and suggests the closest one.
//!
//! ```
//! use k8s_dsl_rules::enums::RestartPolicy;
//!
//! assert_eq!("OnFailure".parse::<RestartPolicy>()?, RestartPolicy::OnFailure);
//! assert_eq!(RestartPolicy::Always.as_str(), "Always");
//! assert_eq!(RestartPolicy::Never.to_string(), "Never");
//! assert_eq!(RestartPolicy::ALL.len(), 3);
//!
//! let violation = "onfailure".parse::<RestartPolicy>().unwrap_err();
//! assert_eq!(violation.rule, RestartPolicy::RULE);
//! assert_eq!(violation.fix, "use `OnFailure` (values are case-sensitive)");
//! # Ok::<(), k8s_dsl_rules::Violation>(())
//! ```

use std::fmt;
use std::str::FromStr;

use super::{shown, suggest, Violation};

/// The error for `input` that is not one of `values` of the enum described by `what` (also
/// used by the macros for the value lists they keep themselves).
pub fn unknown(input: &str, what: &str, rule: u16, values: &[&'static str]) -> Violation {
    let listed = values
        .iter()
        .map(|v| format!("`{v}`"))
        .collect::<Vec<_>>()
        .join(", ");
    if input.is_empty() {
        return Violation::new(
            rule,
            format!("{what} may not be empty; expected one of {listed}"),
            "use one of the listed values",
        );
    }
    let message = format!("{} is not a {what}; expected one of {listed}", shown(input));
    Violation::new(
        rule,
        message,
        suggest::fix_for_value(input, values.iter().copied()),
    )
}

/// Defines a string enum: the type, `ALL`, `WHAT`, `RULE`, `as_str`, `FromStr` and `Display`.
macro_rules! string_enum {
    (
        $(#[$meta:meta])*
        $name:ident ($what:literal, rule $rule:literal) {
            $( $(#[$vmeta:meta])* $variant:ident = $text:literal, )+
        }
    ) => {
        $(#[$meta])*
        ///
        /// Every value, its spelling, and the error for a value that is not one:
        ///
        #[doc = concat!(
            "```\n",
            "use std::str::FromStr;\n",
            "use k8s_dsl_rules::enums::", stringify!($name), ";\n\n",
            $(
                "assert_eq!(", stringify!($name), "::", stringify!($variant), ".as_str(), ",
                stringify!($text), ");\n",
            )+
            "for value in ", stringify!($name), "::ALL {\n",
            "    assert_eq!(", stringify!($name), "::from_str(value.as_str()), Ok(*value));\n",
            "}\n",
            "let violation = ", stringify!($name), "::from_str(\"nonsense\").unwrap_err();\n",
            "assert_eq!(violation.rule, ", stringify!($name), "::RULE);\n",
            "assert!(violation.message.contains(", stringify!($name), "::WHAT));\n",
            "```",
        )]
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum $name {
            $( $(#[$vmeta])* $variant, )+
        }

        impl $name {
            /// Every value, in the order the API documents them.
            pub const ALL: &'static [Self] = &[$(Self::$variant),+];
            /// What a value of this type is, in the words used in messages.
            pub const WHAT: &'static str = $what;
            /// The rule-list number that lists the valid values (0: no API-server rule).
            pub const RULE: u16 = $rule;

            /// The Kubernetes spelling of the value.
            pub fn as_str(&self) -> &'static str {
                match self {
                    $( Self::$variant => $text, )+
                }
            }
        }

        impl FromStr for $name {
            type Err = Violation;

            fn from_str(s: &str) -> Result<Self, Violation> {
                match s {
                    $( $text => Ok(Self::$variant), )+
                    _ => Err(unknown(s, $what, $rule, &[$($text),+])),
                }
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

string_enum! {
    /// When the kubelet pulls a container image (rule 15, `validatePullPolicy`).
    ImagePullPolicy ("image pull policy", rule 15) {
        /// Pull on every start.
        Always = "Always",
        /// Pull only when the image is not on the node.
        IfNotPresent = "IfNotPresent",
        /// Never pull; the image must be on the node.
        Never = "Never",
    }
}

string_enum! {
    /// Where a container's termination message comes from (rule 15, `validateContainerCommon`).
    TerminationMessagePolicy ("termination message policy", rule 15) {
        /// Only the termination message file.
        File = "File",
        /// The file, or the end of the log when the file is empty and the container failed.
        FallbackToLogsOnError = "FallbackToLogsOnError",
    }
}

string_enum! {
    /// A port's protocol (rule 22, `supportedPortProtocols`).
    Protocol ("protocol", rule 22) {
        /// TCP.
        Tcp = "TCP",
        /// UDP.
        Udp = "UDP",
        /// SCTP.
        Sctp = "SCTP",
    }
}

string_enum! {
    /// The scheme of an HTTP probe or hook (rule 25, `validateHTTPGetAction`).
    Scheme ("scheme", rule 25) {
        /// Plain HTTP.
        Http = "HTTP",
        /// HTTPS (the certificate is not verified).
        Https = "HTTPS",
    }
}

string_enum! {
    /// A pod's restart policy (rule 41, `validateRestartPolicy`).
    RestartPolicy ("restart policy", rule 41) {
        /// Always restart containers that exit.
        Always = "Always",
        /// Restart containers that exit with a failure.
        OnFailure = "OnFailure",
        /// Never restart containers.
        Never = "Never",
    }
}

string_enum! {
    /// The restart policy of a Job's pod template (rule 53, `validateJobSpec`); `Always` is
    /// not a value, so a Job that never finishes cannot be written.
    JobRestartPolicy ("job restart policy", rule 53) {
        /// Restart failed containers in the same pod.
        OnFailure = "OnFailure",
        /// Replace failed pods instead.
        Never = "Never",
    }
}

impl From<JobRestartPolicy> for RestartPolicy {
    fn from(policy: JobRestartPolicy) -> Self {
        match policy {
            JobRestartPolicy::OnFailure => RestartPolicy::OnFailure,
            JobRestartPolicy::Never => RestartPolicy::Never,
        }
    }
}

string_enum! {
    /// A pod's DNS policy (rule 41, `validateDNSPolicy`).
    DnsPolicy ("dns policy", rule 41) {
        /// Cluster DNS first, then the node's upstream servers.
        ClusterFirst = "ClusterFirst",
        /// Cluster DNS first, for pods on the host network.
        ClusterFirstWithHostNet = "ClusterFirstWithHostNet",
        /// The node's resolver configuration.
        Default = "Default",
        /// Only `dnsConfig` (which then needs a nameserver).
        None = "None",
    }
}

string_enum! {
    /// How a CronJob treats runs that overlap (rule 64, `validateConcurrencyPolicy`).
    ConcurrencyPolicy ("concurrency policy", rule 64) {
        /// Runs may overlap.
        Allow = "Allow",
        /// Skip a run while the previous one is active.
        Forbid = "Forbid",
        /// Replace the active run with the new one.
        Replace = "Replace",
    }
}

string_enum! {
    /// A Job's completion mode (rule 57, `validateJobSpec`).
    CompletionMode ("completion mode", rule 57) {
        /// The Job completes after `completions` successful pods.
        NonIndexed = "NonIndexed",
        /// Each pod gets an index; each index must succeed once.
        Indexed = "Indexed",
    }
}

string_enum! {
    /// The action of a pod failure policy rule (rule 54, `validatePodFailurePolicyRule`).
    PodFailurePolicyAction ("pod failure policy action", rule 54) {
        /// Count the failure towards the backoff limit.
        Count = "Count",
        /// Fail the pod's index (needs `backoffLimitPerIndex`).
        FailIndex = "FailIndex",
        /// Fail the whole Job.
        FailJob = "FailJob",
        /// Do not count the failure.
        Ignore = "Ignore",
    }
}

string_enum! {
    /// A Service's type (rule 49, `ValidateService`).
    ServiceType ("service type", rule 49) {
        /// A cluster-internal virtual IP.
        ClusterIp = "ClusterIP",
        /// A port on every node.
        NodePort = "NodePort",
        /// An external load balancer.
        LoadBalancer = "LoadBalancer",
        /// A DNS CNAME to `externalName`.
        ExternalName = "ExternalName",
    }
}

string_enum! {
    /// The medium of an `emptyDir` volume.
    StorageMedium ("storage medium", rule 0) {
        /// RAM (tmpfs).
        Memory = "Memory",
        /// Huge pages.
        HugePages = "HugePages",
    }
}

string_enum! {
    /// A persistent volume access mode.
    AccessMode ("access mode", rule 0) {
        /// Read-write by one node.
        ReadWriteOnce = "ReadWriteOnce",
        /// Read-only by many nodes.
        ReadOnlyMany = "ReadOnlyMany",
        /// Read-write by many nodes.
        ReadWriteMany = "ReadWriteMany",
        /// Read-write by one pod.
        ReadWriteOncePod = "ReadWriteOncePod",
    }
}

string_enum! {
    /// A toleration's operator (rule 43, `ValidateTolerations`).
    TolerationOperator ("toleration operator", rule 43) {
        /// Any value of the key (the value must be empty).
        Exists = "Exists",
        /// The key has exactly the value.
        Equal = "Equal",
    }
}

string_enum! {
    /// A taint's effect (rule 43, `ValidateTolerations`).
    TaintEffect ("taint effect", rule 43) {
        /// New pods are not scheduled on the node.
        NoSchedule = "NoSchedule",
        /// The scheduler avoids the node.
        PreferNoSchedule = "PreferNoSchedule",
        /// Running pods are evicted too.
        NoExecute = "NoExecute",
    }
}

string_enum! {
    /// How a StatefulSet creates and deletes pods.
    PodManagementPolicy ("pod management policy", rule 0) {
        /// One at a time, in order.
        OrderedReady = "OrderedReady",
        /// All at once.
        Parallel = "Parallel",
    }
}

string_enum! {
    /// How mounts propagate between the host and a container.
    MountPropagation ("mount propagation", rule 0) {
        /// No propagation.
        None = "None",
        /// Host mounts propagate into the container.
        HostToContainer = "HostToContainer",
        /// Both ways (privileged containers only).
        Bidirectional = "Bidirectional",
    }
}

string_enum! {
    /// Where a Service routes external traffic (rule 51, `ValidateService`).
    ExternalTrafficPolicy ("external traffic policy", rule 51) {
        /// To endpoints on any node.
        Cluster = "Cluster",
        /// Only to endpoints on the receiving node (keeps the client IP).
        Local = "Local",
    }
}

string_enum! {
    /// A Service's session affinity.
    SessionAffinity ("session affinity", rule 0) {
        /// No affinity.
        None = "None",
        /// Requests from one client IP go to the same endpoint.
        ClientIp = "ClientIP",
    }
}

string_enum! {
    /// The status of a condition (rule 55, `validatePodFailurePolicyRuleOnPodConditions`).
    ConditionStatus ("condition status", rule 55) {
        /// The condition holds.
        True = "True",
        /// The condition does not hold.
        False = "False",
        /// Not known.
        Unknown = "Unknown",
    }
}

string_enum! {
    /// The operator of a pod failure policy's `onExitCodes` (rule 55).
    OnExitCodesOperator ("exit code operator", rule 55) {
        /// The exit code is one of the values.
        In = "In",
        /// The exit code is none of the values.
        NotIn = "NotIn",
    }
}

string_enum! {
    /// The operating system of a pod (rule 46, `validateWindows`, `validateLinux`).
    OsName ("os name", rule 46) {
        /// Linux.
        Linux = "linux",
        /// Windows.
        Windows = "windows",
    }
}

string_enum! {
    /// The kind of seccomp profile.
    SeccompProfileType ("seccomp profile type", rule 0) {
        /// The container runtime's default profile.
        RuntimeDefault = "RuntimeDefault",
        /// No seccomp filtering.
        Unconfined = "Unconfined",
        /// A profile file on the node (`localhostProfile`).
        Localhost = "Localhost",
    }
}

string_enum! {
    /// Whether a pod may preempt lower-priority pods.
    PreemptionPolicy ("preemption policy", rule 0) {
        /// Preempt lower-priority pods when needed.
        PreemptLowerPriority = "PreemptLowerPriority",
        /// Never preempt.
        Never = "Never",
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing)]
mod tests {
    use super::*;

    #[test]
    fn rule_41_restart_policy_round_trips() {
        for p in RestartPolicy::ALL {
            assert_eq!(p.as_str().parse::<RestartPolicy>().unwrap(), *p);
            assert_eq!(p.to_string(), p.as_str());
        }
        assert_eq!(RestartPolicy::WHAT, "restart policy");
        assert_eq!(RestartPolicy::RULE, 41);
    }

    #[test]
    fn rule_41_restart_policy_typo_suggests_closest() {
        let e = "Newver".parse::<RestartPolicy>().unwrap_err();
        assert_eq!(e.rule, 41);
        assert_eq!(
            e.message,
            "`Newver` is not a restart policy; expected one of `Always`, `OnFailure`, `Never`"
        );
        assert_eq!(e.fix, "use `Never`");
    }

    #[test]
    fn rule_41_restart_policy_case_is_significant() {
        let e = "always".parse::<RestartPolicy>().unwrap_err();
        assert_eq!(e.fix, "use `Always` (values are case-sensitive)");
    }

    #[test]
    fn rule_53_job_restart_policy_has_no_always() {
        let e = "Always".parse::<JobRestartPolicy>().unwrap_err();
        assert_eq!(e.rule, 53);
        assert_eq!(
            e.message,
            "`Always` is not a job restart policy; expected one of `OnFailure`, `Never`"
        );
        assert_eq!(JobRestartPolicy::ALL.len(), 2);
        assert_eq!(
            RestartPolicy::from(JobRestartPolicy::Never),
            RestartPolicy::Never
        );
    }

    #[test]
    fn rule_22_protocol_uses_kubernetes_spelling() {
        assert_eq!(Protocol::Tcp.as_str(), "TCP");
        assert_eq!("SCTP".parse::<Protocol>().unwrap(), Protocol::Sctp);
        let e = "tcp".parse::<Protocol>().unwrap_err();
        assert_eq!(e.rule, 22);
        assert_eq!(e.fix, "use `TCP` (values are case-sensitive)");
    }

    #[test]
    fn rule_49_service_type_cluster_ip() {
        assert_eq!(ServiceType::ClusterIp.to_string(), "ClusterIP");
        assert_eq!(
            "LoadBalancer".parse::<ServiceType>().unwrap(),
            ServiceType::LoadBalancer
        );
    }

    #[test]
    fn rule_15_pull_policy_and_termination_message_policy() {
        assert_eq!(
            "IfNotPresent".parse::<ImagePullPolicy>().unwrap(),
            ImagePullPolicy::IfNotPresent
        );
        let e = "IfNotPresnt".parse::<ImagePullPolicy>().unwrap_err();
        assert_eq!(e.rule, 15);
        assert_eq!(e.fix, "use `IfNotPresent`");
        assert!("File".parse::<TerminationMessagePolicy>().is_ok());
    }

    #[test]
    fn rule_46_os_name_is_lowercase() {
        assert_eq!(OsName::Linux.as_str(), "linux");
        assert!("Linux".parse::<OsName>().is_err());
    }

    #[test]
    fn empty_and_unknown_values_list_the_choices() {
        let e = "".parse::<ConcurrencyPolicy>().unwrap_err();
        assert_eq!(e.rule, 64);
        assert_eq!(
            e.message,
            "concurrency policy may not be empty; expected one of `Allow`, `Forbid`, `Replace`"
        );
        let e = "zzzzzzzz".parse::<DnsPolicy>().unwrap_err();
        assert_eq!(e.fix, "use one of the listed values");
        let big = "x".repeat(1 << 20);
        let e = big.parse::<AccessMode>().unwrap_err();
        assert!(e.message.len() < 400);
        let e = "ÄÖÜ".parse::<TaintEffect>().unwrap_err();
        assert!(e.message.starts_with("`ÄÖÜ` is not a taint effect"));
    }

    #[test]
    fn every_enum_round_trips() {
        fn check<T>(all: &[T])
        where
            T: FromStr<Err = Violation> + fmt::Display + PartialEq + fmt::Debug,
        {
            for v in all {
                assert_eq!(&v.to_string().parse::<T>().unwrap(), v);
            }
        }
        check(ImagePullPolicy::ALL);
        check(TerminationMessagePolicy::ALL);
        check(Protocol::ALL);
        check(Scheme::ALL);
        check(RestartPolicy::ALL);
        check(JobRestartPolicy::ALL);
        check(DnsPolicy::ALL);
        check(ConcurrencyPolicy::ALL);
        check(CompletionMode::ALL);
        check(PodFailurePolicyAction::ALL);
        check(ServiceType::ALL);
        check(StorageMedium::ALL);
        check(AccessMode::ALL);
        check(TolerationOperator::ALL);
        check(TaintEffect::ALL);
        check(PodManagementPolicy::ALL);
        check(MountPropagation::ALL);
        check(ExternalTrafficPolicy::ALL);
        check(SessionAffinity::ALL);
        check(ConditionStatus::ALL);
        check(OnExitCodesOperator::ALL);
        check(OsName::ALL);
        check(SeccompProfileType::ALL);
        check(PreemptionPolicy::ALL);
    }
}

string_enum! {
    /// When the kubelet changes the ownership and permissions of a volume to the pod's `fsGroup`
    /// (`securityContext.fsGroupChangePolicy`, rule 47, `validateFSGroupChangePolicy`).
    FsGroupChangePolicy ("fs group change policy", rule 47) {
        /// Change ownership and permissions on every mount (the kubelet's default).
        Always = "Always",
        /// Change them only when the volume's root directory does not match the `fsGroup`, which
        /// saves time on large volumes.
        OnRootMismatch = "OnRootMismatch",
    }
}

string_enum! {
    /// When a Job creates a replacement pod (`podReplacementPolicy`, rule 54,
    /// `validatePodReplacementPolicy`).
    PodReplacementPolicy ("pod replacement policy", rule 54) {
        /// As soon as the old pod is terminating (the default without a pod failure policy).
        TerminatingOrFailed = "TerminatingOrFailed",
        /// Only once the old pod has fully failed (required with a pod failure policy, rule 54).
        Failed = "Failed",
    }
}

string_enum! {
    /// What the scheduler does with a pod that a topology spread constraint cannot place
    /// (`topologySpreadConstraints[].whenUnsatisfiable`, rule 93, `ValidateWhenUnsatisfiable`).
    WhenUnsatisfiable ("when-unsatisfiable action", rule 93) {
        /// Leave the pod pending until it can be placed within the skew.
        DoNotSchedule = "DoNotSchedule",
        /// Place it anyway, preferring the nodes that reduce the skew.
        ScheduleAnyway = "ScheduleAnyway",
    }
}

string_enum! {
    /// Whether a topology spread constraint counts the nodes that the pod's node affinity or
    /// taints exclude (`nodeAffinityPolicy`, `nodeTaintsPolicy`, rule 93,
    /// `validateNodeInclusionPolicy`).
    NodeInclusionPolicy ("node inclusion policy", rule 93) {
        /// Count only the nodes that match (the default for `nodeAffinityPolicy`).
        Honor = "Honor",
        /// Count every node (the default for `nodeTaintsPolicy`).
        Ignore = "Ignore",
    }
}

string_enum! {
    /// The resource that a container's resize policy is for (`resizePolicy[].resourceName`,
    /// rule 18, `validateResizePolicy`).
    ResizeResource ("resize policy resource", rule 18) {
        /// CPU.
        Cpu = "cpu",
        /// Memory.
        Memory = "memory",
    }
}

string_enum! {
    /// What happens to a container when its resources are resized in place
    /// (`resizePolicy[].restartPolicy`, rule 18, `validateResizePolicy`).
    ResizeRestartPolicy ("resize restart policy", rule 18) {
        /// Resize without restarting the container (the default).
        NotRequired = "NotRequired",
        /// Restart the container to apply the new value (not with a pod `restartPolicy: Never`).
        RestartContainer = "RestartContainer",
    }
}
