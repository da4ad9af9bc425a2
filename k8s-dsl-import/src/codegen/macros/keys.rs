//! The keys of `pod!`, `job!` and `cronjob!` (as `k8s-dsl/docs/*.md` lists them): for
//! each block, the manifest fields it holds and how each value is written. The printer writes
//! exactly these keys; a field not listed here makes its object builder code. Supporting a new
//! macro key is one row here (`opt("tolerations", Form::Blocks(&TOLERATION))`).

use std::str::FromStr;

use k8s_dsl::rules::enums::{
    CompletionMode, ConcurrencyPolicy, ConditionStatus, DnsPolicy, ImagePullPolicy,
    JobRestartPolicy, MountPropagation, OnExitCodesOperator, PodFailurePolicyAction, Protocol,
    RestartPolicy, Scheme, SeccompProfileType, StorageMedium, TaintEffect,
    TerminationMessagePolicy, TolerationOperator,
};

/// How a key's value is written.
#[derive(Clone, Copy)]
pub(crate) enum Form {
    /// A string literal.
    Str,
    /// An integer, zero or more.
    Int,
    /// An integer that may be negative (`-5`).
    Signed,
    /// A file mode, zero or more, written in octal (`0o644`).
    Mode,
    /// `true` or `false`.
    Bool,
    /// Seconds, written with units (`90` as `1m30s`).
    Duration,
    /// A bare enum value (`Never`), if the enum has it.
    Enum(fn(&str) -> bool),
    /// A port number or a port name.
    Port,
    /// A quantity string (or number).
    Quantity,
    /// A number or a percentage string (`maxSurge: "25%"`).
    IntOrPercent,
    /// `["a", "b"]`.
    StrList,
    /// `[1, 2]`, each zero or more.
    IntList,
    /// `{ key: "value" }`.
    Map,
    /// `[{ name: "a" }]` written `["a"]` (`imagePullSecrets`).
    Names,
    /// `{ ... }`.
    Block(&'static Spec),
    /// `[ { ... }, ... ]`.
    Blocks(&'static Spec),
    /// The `sources` of a projected volume: as `Blocks`, but two `downwardAPI` sources in a
    /// row cannot be written (the macro, as the builder, merges them into one).
    Projections(&'static Spec),
    /// A container list, written as one list a role (`sidecars`, `classicAdapters`, ...).
    Containers,
}

/// One key: the field name (the same in the manifest and the macro), its form, and whether
/// the macro requires it.
pub(crate) struct Key {
    pub(crate) name: &'static str,
    pub(crate) form: Form,
    pub(crate) required: bool,
}

/// A block: its keys read from fields of the manifest object (`metadata`, `spec`), then its
/// keys read from the object itself, and the keys of which it takes one.
pub(crate) struct Spec {
    pub(crate) parts: &'static [(&'static str, &'static [&'static [Key]])],
    pub(crate) own: &'static [&'static [Key]],
    pub(crate) one_of: Option<OneOf>,
}

/// Keys of which the macro takes exactly one (`required`) or at most one (a volume's source,
/// a mount's `subPath` or `subPathExpr`): more, or none when one is required, is a compile
/// error, so such an object stays builder code.
#[derive(Clone, Copy)]
pub(crate) struct OneOf {
    pub(crate) keys: &'static [&'static str],
    pub(crate) required: bool,
}

const fn opt(name: &'static str, form: Form) -> Key {
    Key {
        name,
        form,
        required: false,
    }
}

const fn req(name: &'static str, form: Form) -> Key {
    Key {
        name,
        form,
        required: true,
    }
}

/// A block whose keys are the fields of the manifest object itself.
const fn own(keys: &'static [&'static [Key]]) -> Spec {
    Spec {
        parts: &[],
        own: keys,
        one_of: None,
    }
}

/// As [`own`], taking exactly one of `keys`.
const fn one_of(keys: &'static [&'static [Key]], one: &'static [&'static str]) -> Spec {
    Spec {
        parts: &[],
        own: keys,
        one_of: Some(OneOf {
            keys: one,
            required: true,
        }),
    }
}

/// Whether `text` is a value of the enum `E` (the walk's enums, the macros' values).
fn is<E: FromStr>(text: &str) -> bool {
    E::from_str(text).is_ok()
}

/// The values of `fsGroupChangePolicy` (`k8s_dsl::pod::FsGroupChangePolicy`).
fn fs_group_change_policy(text: &str) -> bool {
    matches!(text, "Always" | "OnRootMismatch")
}

/// The values of `podReplacementPolicy` the builder takes.
fn pod_replacement_policy(text: &str) -> bool {
    matches!(text, "TerminatingOrFailed" | "Failed")
}

/// The operators of a label selector requirement.
fn label_operator(text: &str) -> bool {
    matches!(text, "In" | "NotIn" | "Exists" | "DoesNotExist")
}

/// The operators of a node selector requirement.
fn node_operator(text: &str) -> bool {
    label_operator(text) || matches!(text, "Gt" | "Lt")
}

// ---- metadata -------------------------------------------------------------------------------

const NAME: &[Key] = &[req("name", Form::Str)];
const NAMESPACE: &[Key] = &[opt("namespace", Form::Str)];
const LABELS: &[Key] = &[opt("labels", Form::Map), opt("annotations", Form::Map)];

// ---- containers -----------------------------------------------------------------------------

static PORT: Spec = own(&[&[
    req("containerPort", Form::Int),
    opt("name", Form::Str),
    opt("protocol", Form::Enum(is::<Protocol>)),
    opt("hostPort", Form::Int),
    opt("hostIP", Form::Str),
]]);

static KEY_REF: Spec = own(&[&[
    req("name", Form::Str),
    req("key", Form::Str),
    opt("optional", Form::Bool),
]]);

static VALUE_FROM: Spec = own(&[&[
    opt("configMapKeyRef", Form::Block(&KEY_REF)),
    opt("secretKeyRef", Form::Block(&KEY_REF)),
    opt("fieldRef", Form::Block(&FIELD_REF)),
    opt("resourceFieldRef", Form::Block(&RESOURCE_FIELD_REF)),
]]);

static FIELD_REF: Spec = own(&[&[req("fieldPath", Form::Str)]]);

static RESOURCE_FIELD_REF: Spec =
    own(&[&[req("resource", Form::Str), opt("divisor", Form::Quantity)]]);

static ENV: Spec = own(&[&[
    req("name", Form::Str),
    opt("value", Form::Str),
    opt("valueFrom", Form::Block(&VALUE_FROM)),
]]);

static NAME_REF: Spec = own(&[&[req("name", Form::Str), opt("optional", Form::Bool)]]);

static ENV_FROM: Spec = own(&[&[
    opt("configMapRef", Form::Block(&NAME_REF)),
    opt("secretRef", Form::Block(&NAME_REF)),
    opt("prefix", Form::Str),
]]);

static RESOURCES: Spec = own(&[&[opt("requests", Form::Map), opt("limits", Form::Map)]]);

static MOUNT: Spec = Spec {
    one_of: Some(OneOf {
        keys: &["subPath", "subPathExpr"],
        required: false,
    }),
    ..own(&[&[
        req("name", Form::Str),
        req("mountPath", Form::Str),
        opt("readOnly", Form::Bool),
        opt("subPath", Form::Str),
        opt("subPathExpr", Form::Str),
        opt("mountPropagation", Form::Enum(is::<MountPropagation>)),
    ]])
};

static HEADER: Spec = own(&[&[req("name", Form::Str), req("value", Form::Str)]]);

static HTTP_GET: Spec = own(&[&[
    req("path", Form::Str),
    req("port", Form::Port),
    opt("scheme", Form::Enum(is::<Scheme>)),
    opt("host", Form::Str),
    opt("httpHeaders", Form::Blocks(&HEADER)),
]]);

static TCP_SOCKET: Spec = own(&[&[req("port", Form::Port)]]);
static EXEC: Spec = own(&[&[req("command", Form::StrList)]]);
static GRPC: Spec = own(&[&[req("port", Form::Int), opt("service", Form::Str)]]);
static SLEEP: Spec = own(&[&[req("seconds", Form::Duration)]]);

static PROBE: Spec = own(&[&[
    opt("exec", Form::Block(&EXEC)),
    opt("httpGet", Form::Block(&HTTP_GET)),
    opt("tcpSocket", Form::Block(&TCP_SOCKET)),
    opt("grpc", Form::Block(&GRPC)),
    opt("initialDelaySeconds", Form::Duration),
    opt("periodSeconds", Form::Duration),
    opt("timeoutSeconds", Form::Duration),
    opt("successThreshold", Form::Int),
    opt("failureThreshold", Form::Int),
    opt("terminationGracePeriodSeconds", Form::Duration),
]]);

static HOOK: Spec = own(&[&[
    opt("exec", Form::Block(&EXEC)),
    opt("httpGet", Form::Block(&HTTP_GET)),
    opt("tcpSocket", Form::Block(&TCP_SOCKET)),
    opt("sleep", Form::Block(&SLEEP)),
]]);

static LIFECYCLE: Spec = own(&[&[
    opt("postStart", Form::Block(&HOOK)),
    opt("preStop", Form::Block(&HOOK)),
]]);

static CAPABILITIES: Spec = own(&[&[opt("add", Form::StrList), opt("drop", Form::StrList)]]);

static SECCOMP_PROFILE: Spec = own(&[&[
    req("type", Form::Enum(is::<SeccompProfileType>)),
    opt("localhostProfile", Form::Str),
]]);

const RUN_AS: &[Key] = &[
    opt("runAsNonRoot", Form::Bool),
    opt("runAsUser", Form::Int),
    opt("runAsGroup", Form::Int),
];

static SECURITY_CONTEXT: Spec = own(&[
    RUN_AS,
    &[
        opt("allowPrivilegeEscalation", Form::Bool),
        opt("privileged", Form::Bool),
        opt("readOnlyRootFilesystem", Form::Bool),
        opt("capabilities", Form::Block(&CAPABILITIES)),
        opt("seccompProfile", Form::Block(&SECCOMP_PROFILE)),
    ],
]);

static POD_SECURITY_CONTEXT: Spec = own(&[
    RUN_AS,
    &[
        opt("fsGroup", Form::Int),
        opt("fsGroupChangePolicy", Form::Enum(fs_group_change_policy)),
        opt("supplementalGroups", Form::IntList),
        opt("seccompProfile", Form::Block(&SECCOMP_PROFILE)),
    ],
]);

/// A container, in whichever role list it is.
pub(crate) static CONTAINER: Spec = own(&[&[
    req("name", Form::Str),
    req("image", Form::Str),
    opt("imagePullPolicy", Form::Enum(is::<ImagePullPolicy>)),
    opt("command", Form::StrList),
    opt("args", Form::StrList),
    opt("workingDir", Form::Str),
    opt("ports", Form::Blocks(&PORT)),
    opt("env", Form::Blocks(&ENV)),
    opt("envFrom", Form::Blocks(&ENV_FROM)),
    opt("resources", Form::Block(&RESOURCES)),
    opt("volumeMounts", Form::Blocks(&MOUNT)),
    opt("readinessProbe", Form::Block(&PROBE)),
    opt("livenessProbe", Form::Block(&PROBE)),
    opt("startupProbe", Form::Block(&PROBE)),
    opt("lifecycle", Form::Block(&LIFECYCLE)),
    opt("securityContext", Form::Block(&SECURITY_CONTEXT)),
    opt(
        "terminationMessagePolicy",
        Form::Enum(is::<TerminationMessagePolicy>),
    ),
    opt("terminationMessagePath", Form::Str),
    opt("stdin", Form::Bool),
    opt("stdinOnce", Form::Bool),
    opt("tty", Form::Bool),
]]);

// ---- volumes --------------------------------------------------------------------------------

static EMPTY_DIR: Spec = own(&[&[
    opt("medium", Form::Enum(is::<StorageMedium>)),
    opt("sizeLimit", Form::Quantity),
]]);

static KEY_TO_PATH: Spec = own(&[&[req("key", Form::Str), req("path", Form::Str)]]);

const FILE_MODE: &[Key] = &[
    opt("items", Form::Blocks(&KEY_TO_PATH)),
    opt("defaultMode", Form::Mode),
    opt("optional", Form::Bool),
];

static CONFIG_MAP_VOLUME: Spec = own(&[&[req("name", Form::Str)], FILE_MODE]);
static SECRET_VOLUME: Spec = own(&[&[req("secretName", Form::Str)], FILE_MODE]);

static CLAIM_VOLUME: Spec = own(&[&[req("claimName", Form::Str), opt("readOnly", Form::Bool)]]);

static VOLUME_RESOURCE_REF: Spec =
    own(&[&[req("containerName", Form::Str), req("resource", Form::Str)]]);

static DOWNWARD_ITEM: Spec = one_of(
    &[&[
        req("path", Form::Str),
        opt("fieldRef", Form::Block(&FIELD_REF)),
        opt("resourceFieldRef", Form::Block(&VOLUME_RESOURCE_REF)),
    ]],
    &["fieldRef", "resourceFieldRef"],
);

/// A projected `downwardAPI` item: a pod field only.
static PROJECTED_DOWNWARD_ITEM: Spec = own(&[&[
    req("path", Form::Str),
    req("fieldRef", Form::Block(&FIELD_REF)),
]]);

static DOWNWARD_API: Spec = own(&[&[
    req("items", Form::Blocks(&DOWNWARD_ITEM)),
    opt("defaultMode", Form::Mode),
]]);

static HOST_PATH: Spec = own(&[&[req("path", Form::Str), opt("type", Form::Str)]]);

/// A projected `configMap` or `secret` (no `optional`: the builder's projections have none).
static PROJECTED_KEYS: Spec = own(&[&[
    req("name", Form::Str),
    opt("items", Form::Blocks(&KEY_TO_PATH)),
]]);

static PROJECTED_DOWNWARD: Spec = own(&[&[req("items", Form::Blocks(&PROJECTED_DOWNWARD_ITEM))]]);

static SERVICE_ACCOUNT_TOKEN: Spec = own(&[&[
    req("path", Form::Str),
    opt("audience", Form::Str),
    opt("expirationSeconds", Form::Duration),
]]);

static PROJECTION: Spec = one_of(
    &[&[
        opt("configMap", Form::Block(&PROJECTED_KEYS)),
        opt("secret", Form::Block(&PROJECTED_KEYS)),
        opt("downwardAPI", Form::Block(&PROJECTED_DOWNWARD)),
        opt("serviceAccountToken", Form::Block(&SERVICE_ACCOUNT_TOKEN)),
    ]],
    &["configMap", "secret", "downwardAPI", "serviceAccountToken"],
);

static PROJECTED: Spec = own(&[&[
    req("sources", Form::Projections(&PROJECTION)),
    opt("defaultMode", Form::Mode),
]]);

const VOLUME_SOURCES: &[&str] = &[
    "emptyDir",
    "configMap",
    "secret",
    "persistentVolumeClaim",
    "downwardAPI",
    "projected",
    "hostPath",
];

static VOLUME: Spec = one_of(
    &[&[
        req("name", Form::Str),
        opt("emptyDir", Form::Block(&EMPTY_DIR)),
        opt("configMap", Form::Block(&CONFIG_MAP_VOLUME)),
        opt("secret", Form::Block(&SECRET_VOLUME)),
        opt("persistentVolumeClaim", Form::Block(&CLAIM_VOLUME)),
        opt("downwardAPI", Form::Block(&DOWNWARD_API)),
        opt("projected", Form::Block(&PROJECTED)),
        opt("hostPath", Form::Block(&HOST_PATH)),
    ]],
    VOLUME_SOURCES,
);

// ---- scheduling -----------------------------------------------------------------------------

static TOLERATION: Spec = own(&[&[
    opt("key", Form::Str),
    opt("operator", Form::Enum(is::<TolerationOperator>)),
    opt("value", Form::Str),
    opt("effect", Form::Enum(is::<TaintEffect>)),
    opt("tolerationSeconds", Form::Duration),
]]);

static NODE_REQUIREMENT: Spec = own(&[&[
    req("key", Form::Str),
    req("operator", Form::Enum(node_operator)),
    opt("values", Form::StrList),
]]);

static LABEL_REQUIREMENT: Spec = own(&[&[
    req("key", Form::Str),
    req("operator", Form::Enum(label_operator)),
    opt("values", Form::StrList),
]]);

/// A node term: `matchExpressions` only (no `matchFields`).
static NODE_TERM: Spec = own(&[&[req("matchExpressions", Form::Blocks(&NODE_REQUIREMENT))]]);

static NODE_SELECTOR: Spec = own(&[&[req("nodeSelectorTerms", Form::Blocks(&NODE_TERM))]]);

static PREFERRED_NODE_TERM: Spec = own(&[&[
    req("weight", Form::Signed),
    req("preference", Form::Block(&NODE_TERM)),
]]);

const REQUIRED: &str = "requiredDuringSchedulingIgnoredDuringExecution";
const PREFERRED: &str = "preferredDuringSchedulingIgnoredDuringExecution";

static NODE_AFFINITY: Spec = own(&[&[
    opt(REQUIRED, Form::Block(&NODE_SELECTOR)),
    opt(PREFERRED, Form::Blocks(&PREFERRED_NODE_TERM)),
]]);

/// A label selector (pod affinity terms, a Job's `selector`).
static LABEL_SELECTOR: Spec = own(&[&[
    opt("matchLabels", Form::Map),
    opt("matchExpressions", Form::Blocks(&LABEL_REQUIREMENT)),
]]);

static POD_TERM: Spec = own(&[&[
    req("topologyKey", Form::Str),
    opt("labelSelector", Form::Block(&LABEL_SELECTOR)),
    opt("namespaces", Form::StrList),
]]);

static WEIGHTED_POD_TERM: Spec = own(&[&[
    req("weight", Form::Signed),
    req("podAffinityTerm", Form::Block(&POD_TERM)),
]]);

static POD_AFFINITY: Spec = own(&[&[
    opt(REQUIRED, Form::Blocks(&POD_TERM)),
    opt(PREFERRED, Form::Blocks(&WEIGHTED_POD_TERM)),
]]);

static AFFINITY: Spec = own(&[&[
    opt("nodeAffinity", Form::Block(&NODE_AFFINITY)),
    opt("podAffinity", Form::Block(&POD_AFFINITY)),
    opt("podAntiAffinity", Form::Block(&POD_AFFINITY)),
]]);

static DNS_OPTION: Spec = own(&[&[req("name", Form::Str), opt("value", Form::Str)]]);

static DNS_CONFIG: Spec = own(&[&[
    opt("nameservers", Form::StrList),
    opt("searches", Form::StrList),
    opt("options", Form::Blocks(&DNS_OPTION)),
]]);

// ---- pods -----------------------------------------------------------------------------------

const POD_SPEC: &[Key] = &[
    opt("initContainers", Form::Containers),
    req("containers", Form::Containers),
    opt("volumes", Form::Blocks(&VOLUME)),
    opt("serviceAccountName", Form::Str),
    opt("priorityClassName", Form::Str),
    opt("runtimeClassName", Form::Str),
    opt("nodeSelector", Form::Map),
    opt("terminationGracePeriodSeconds", Form::Duration),
    opt("activeDeadlineSeconds", Form::Duration),
    opt("securityContext", Form::Block(&POD_SECURITY_CONTEXT)),
    opt("imagePullSecrets", Form::Names),
    opt("hostname", Form::Str),
    opt("subdomain", Form::Str),
    opt("dnsPolicy", Form::Enum(is::<DnsPolicy>)),
    opt("dnsConfig", Form::Block(&DNS_CONFIG)),
    opt("hostNetwork", Form::Bool),
    opt("automountServiceAccountToken", Form::Bool),
    opt("shareProcessNamespace", Form::Bool),
    opt("setHostnameAsFQDN", Form::Bool),
    opt("enableServiceLinks", Form::Bool),
    opt("tolerations", Form::Blocks(&TOLERATION)),
    opt("affinity", Form::Block(&AFFINITY)),
    opt("schedulerName", Form::Str),
    opt("priority", Form::Signed),
];

/// `pod! { ... }`.
pub(crate) static POD: Spec = Spec {
    parts: &[
        ("metadata", &[NAME, NAMESPACE, LABELS]),
        (
            "spec",
            &[
                POD_SPEC,
                &[opt("restartPolicy", Form::Enum(is::<RestartPolicy>))],
            ],
        ),
    ],
    own: &[],
    one_of: None,
};

/// A Job's `template`.
static JOB_POD_TEMPLATE: Spec = Spec {
    parts: &[
        ("metadata", &[LABELS]),
        (
            "spec",
            &[
                &[req("restartPolicy", Form::Enum(is::<JobRestartPolicy>))],
                POD_SPEC,
            ],
        ),
    ],
    own: &[],
    one_of: None,
};

static ON_EXIT_CODES: Spec = own(&[&[
    opt("containerName", Form::Str),
    req("operator", Form::Enum(is::<OnExitCodesOperator>)),
    req("values", Form::IntList),
]]);

static ON_POD_CONDITION: Spec = own(&[&[
    req("type", Form::Str),
    req("status", Form::Enum(is::<ConditionStatus>)),
]]);

static POD_FAILURE_RULE: Spec = one_of(
    &[&[
        req("action", Form::Enum(is::<PodFailurePolicyAction>)),
        opt("onExitCodes", Form::Block(&ON_EXIT_CODES)),
        opt("onPodConditions", Form::Blocks(&ON_POD_CONDITION)),
    ]],
    &["onExitCodes", "onPodConditions"],
);

static POD_FAILURE_POLICY: Spec = own(&[&[req("rules", Form::Blocks(&POD_FAILURE_RULE))]]);

static SUCCESS_RULE: Spec = own(&[&[
    opt("succeededIndexes", Form::Str),
    opt("succeededCount", Form::Int),
]]);

static SUCCESS_POLICY: Spec = own(&[&[req("rules", Form::Blocks(&SUCCESS_RULE))]]);

const JOB_SPEC: &[Key] = &[
    opt("completions", Form::Int),
    opt("parallelism", Form::Int),
    opt("backoffLimit", Form::Int),
    opt("activeDeadlineSeconds", Form::Duration),
    opt("ttlSecondsAfterFinished", Form::Duration),
    opt("completionMode", Form::Enum(is::<CompletionMode>)),
    opt("backoffLimitPerIndex", Form::Int),
    opt("maxFailedIndexes", Form::Int),
    opt("podFailurePolicy", Form::Block(&POD_FAILURE_POLICY)),
    opt("successPolicy", Form::Block(&SUCCESS_POLICY)),
    opt("podReplacementPolicy", Form::Enum(pod_replacement_policy)),
    opt("suspend", Form::Bool),
    opt("managedBy", Form::Str),
    // `manualSelector` goes with `selector` (the walk takes them together).
    opt("manualSelector", Form::Bool),
    opt("selector", Form::Block(&LABEL_SELECTOR)),
    req("template", Form::Block(&JOB_POD_TEMPLATE)),
];

/// `job! { ... }`.
pub(crate) static JOB: Spec = Spec {
    parts: &[
        ("metadata", &[NAME, NAMESPACE, LABELS]),
        ("spec", &[JOB_SPEC]),
    ],
    own: &[],
    one_of: None,
};

/// A CronJob's `jobTemplate`.
static JOB_TEMPLATE: Spec = Spec {
    parts: &[("metadata", &[LABELS]), ("spec", &[JOB_SPEC])],
    own: &[],
    one_of: None,
};

/// `cronjob! { ... }`.
pub(crate) static CRONJOB: Spec = Spec {
    parts: &[
        ("metadata", &[NAME, NAMESPACE, LABELS]),
        (
            "spec",
            &[&[
                req("schedule", Form::Str),
                opt("timeZone", Form::Str),
                opt("concurrencyPolicy", Form::Enum(is::<ConcurrencyPolicy>)),
                opt("suspend", Form::Bool),
                opt("startingDeadlineSeconds", Form::Duration),
                opt("successfulJobsHistoryLimit", Form::Int),
                opt("failedJobsHistoryLimit", Form::Int),
                req("jobTemplate", Form::Block(&JOB_TEMPLATE)),
            ]],
        ),
    ],
    own: &[],
    one_of: None,
};

/// A Deployment's pod `template` (its `restartPolicy` is `Always`, if written).
static POD_TEMPLATE: Spec = Spec {
    parts: &[
        ("metadata", &[LABELS]),
        (
            "spec",
            &[
                POD_SPEC,
                &[opt("restartPolicy", Form::Enum(is::<RestartPolicy>))],
            ],
        ),
    ],
    own: &[],
    one_of: None,
};

static ROLLING_UPDATE: Spec = own(&[&[
    opt("maxSurge", Form::IntOrPercent),
    opt("maxUnavailable", Form::IntOrPercent),
]]);

/// The strategy types of a Deployment.
fn strategy_type(text: &str) -> bool {
    matches!(text, "Recreate" | "RollingUpdate")
}

static STRATEGY: Spec = own(&[&[
    req("type", Form::Enum(strategy_type)),
    opt("rollingUpdate", Form::Block(&ROLLING_UPDATE)),
]]);

/// `deployment! { ... }`.
pub(crate) static DEPLOYMENT: Spec = Spec {
    parts: &[
        ("metadata", &[NAME, NAMESPACE, LABELS]),
        (
            "spec",
            &[&[
                opt("replicas", Form::Int),
                opt("minReadySeconds", Form::Duration),
                opt("progressDeadlineSeconds", Form::Duration),
                opt("revisionHistoryLimit", Form::Int),
                opt("paused", Form::Bool),
                opt("strategy", Form::Block(&STRATEGY)),
                opt("selector", Form::Block(&LABEL_SELECTOR)),
                req("template", Form::Block(&POD_TEMPLATE)),
            ]],
        ),
    ],
    own: &[],
    one_of: None,
};

/// The macro list of each container role, by the builder method the walk chose for it.
pub(crate) const ROLE_LISTS: &[(&str, &str)] = &[
    ("init_container", "initContainers"),
    ("sidecar", "sidecars"),
    ("ambassador", "ambassadors"),
    ("adapter", "adapters"),
    ("container", "containers"),
    ("classic_sidecar", "classicSidecars"),
    ("classic_ambassador", "classicAmbassadors"),
    ("classic_adapter", "classicAdapters"),
];

#[cfg(test)]
mod tests {
    use super::*;
    use k8s_dsl_syntax::keys as syntax;

    /// Walks an importer block and the macros' block of the same key side by side: every key
    /// the importer prints is a key of the macros' table (`k8s_dsl_syntax::keys`) in the same
    /// block, and a block key is a block there too. Returns the keys compared.
    fn compare(
        path: &str,
        ours: &'static Spec,
        theirs: &'static syntax::Spec,
        problems: &mut Vec<String>,
    ) -> usize {
        let mut compared = 0;
        let keys = ours
            .parts
            .iter()
            .flat_map(|(_, groups)| groups.iter())
            .chain(ours.own.iter())
            .flat_map(|group| group.iter());
        for key in keys {
            compared += 1;
            let here = format!("{path}.{}", key.name);
            let Some(theirs) = theirs.key(key.name) else {
                problems.push(format!("`{here}` is not a key of the macros' table"));
                continue;
            };
            if key.required != theirs.required {
                problems.push(format!("`{here}`: required differs from the macros' table"));
            }
            let inner = match key.form {
                Form::Block(spec) | Form::Blocks(spec) | Form::Projections(spec) => Some(spec),
                Form::Containers => Some(&CONTAINER),
                _ => None,
            };
            match (inner, theirs.kind) {
                (Some(ours), syntax::Kind::Block(inner) | syntax::Kind::Blocks(inner)) => {
                    compared += compare(&here, ours, inner, problems);
                }
                (Some(_), other) => {
                    problems.push(format!("`{here}` is a block here, {other:?} in the macros"))
                }
                (None, _) => {}
            }
        }
        compared
    }

    #[test]
    fn the_importer_prints_only_keys_of_the_macros_table() {
        let mut problems = Vec::new();
        let mut compared = 0;
        for (name, ours, theirs) in [
            ("pod", &POD, &syntax::POD),
            ("job", &JOB, &syntax::JOB),
            ("cronjob", &CRONJOB, &syntax::CRONJOB),
            ("deployment", &DEPLOYMENT, &syntax::DEPLOYMENT),
        ] {
            compared += compare(name, ours, theirs, &mut problems);
        }
        assert!(compared > 150, "only {compared} keys compared");
        assert!(problems.is_empty(), "{problems:#?}");
    }

    #[test]
    fn every_role_list_is_a_container_list_of_the_macros() {
        for (_, list) in ROLE_LISTS {
            assert!(
                syntax::CONTAINER_LISTS.contains(list),
                "`{list}` is no container list of the macros"
            );
        }
    }
}
