//! The known keys of every block, in one place: their names (camelCase, as in the Kubernetes
//! API), the kind of value each takes, and which are required.
//!
//! [`crate::check`] walks a parsed body against these tables; [`crate::expand`] maps the same
//! keys to builder calls.

/// How a string literal is checked (each variant names the shared rule that judges it).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Text {
    /// Any string.
    Any,
    /// A non-empty string.
    NonEmpty,
    /// Pod name (rule 1).
    PodName,
    /// Job name (rule 3).
    JobName,
    /// CronJob name (rules 3, 4).
    CronJobName,
    /// Container name (rule 6).
    ContainerName,
    /// Volume name (rule 7).
    VolumeName,
    /// Namespace (a DNS-1123 label).
    Namespace,
    /// The name of another object (rules 11, 34).
    ObjectName(u16, &'static str),
    /// `hostname` / `subdomain` (rule 10).
    Hostname,
    /// Container image (rule 14).
    Image,
    /// Label key (rule 8).
    LabelKey,
    /// Label value (rule 8).
    LabelValue,
    /// Annotation key (rule 9).
    AnnotationKey,
    /// Port name (rule 21).
    PortName,
    /// Environment variable name (rules 30, 35).
    EnvName,
    /// ConfigMap or Secret key (rule 34).
    ConfigMapKey,
    /// Downward API field path (rule 32).
    FieldPath,
    /// Downward API resource (rule 33).
    ResourceField,
    /// Resource name (rule 48).
    ResourceName,
    /// Quantity (`500m`, `1Gi`).
    Quantity,
    /// HTTP header name (rule 25).
    HeaderName,
    /// Cron schedule (rules 61, 62).
    Schedule,
    /// Time zone (rule 63).
    TimeZone,
    /// A qualified name (`prefix/name`): the rule number and what it is, for messages
    /// (toleration keys, topology keys, condition types).
    QualifiedName(u16, &'static str),
}

/// How an integer literal is checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Number {
    /// A port number, 1-65535 (rule 20).
    Port,
    /// The port of a probe's or hook's handler, 1-65535 (rule 25).
    HandlerPort,
    /// Zero or more (the rule number that says so).
    NonNegative(u16),
    /// Any 32-bit integer (the builder checks the range at run time).
    Int32,
}

/// The string enums of the API a key may take (bare identifiers in the macros).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Enum {
    /// `imagePullPolicy`.
    ImagePullPolicy,
    /// `terminationMessagePolicy`.
    TerminationMessagePolicy,
    /// `protocol`.
    Protocol,
    /// `scheme`.
    Scheme,
    /// A pod's `restartPolicy`.
    RestartPolicy,
    /// A Job template's `restartPolicy`.
    JobRestartPolicy,
    /// `dnsPolicy`.
    DnsPolicy,
    /// `concurrencyPolicy`.
    ConcurrencyPolicy,
    /// `completionMode`.
    CompletionMode,
    /// `emptyDir.medium`.
    StorageMedium,
    /// A toleration's `operator`.
    TolerationOperator,
    /// A toleration's `effect`.
    TaintEffect,
    /// A mount's `mountPropagation`.
    MountPropagation,
    /// `seccompProfile.type`.
    SeccompProfileType,
    /// `fsGroupChangePolicy` (`k8s_dsl::pod::FsGroupChangePolicy`).
    FsGroupChangePolicy,
    /// The `operator` of a node selector requirement (`In`, `NotIn`, `Exists`,
    /// `DoesNotExist`, `Gt`, `Lt`).
    NodeSelectorOperator,
    /// The `operator` of a label selector requirement (`In`, `NotIn`, `Exists`,
    /// `DoesNotExist`).
    LabelSelectorOperator,
    /// A pod failure rule's `action`.
    PodFailurePolicyAction,
    /// `onExitCodes.operator`.
    OnExitCodesOperator,
    /// `onPodConditions[].status`.
    ConditionStatus,
    /// A Job's `podReplacementPolicy` (`k8s_dsl::workload::PodReplacementPolicy`).
    PodReplacementPolicy,
    /// A Deployment's `strategy.type` (`Recreate`, `RollingUpdate`).
    DeploymentStrategyType,
}

/// The kind of value a key takes.
#[derive(Debug, Clone, Copy)]
pub enum Kind {
    /// A string (literal checked by the rule, or an expression).
    Str(Text),
    /// An integer.
    Int(Number),
    /// `true` or `false`.
    Bool,
    /// A duration with its unit (`10s`, `2m`, `1h30m`).
    Duration,
    /// An enum value written bare (`Never`).
    Enum(Enum),
    /// A port number or a port name.
    Port,
    /// A quantity: `"500m"`, `"1Gi"` (a string) or a plain number.
    Quantity,
    /// A number (zero or more) or a percentage string: `1`, `"25%"` (rule 65).
    IntOrPercent,
    /// `["a", "b"]`, each string checked by the rule.
    StrList(Text),
    /// `[1, 2]`, each number checked.
    IntList(Number),
    /// `{ key: "value", "a/b": "value" }`.
    Map(Text, Text),
    /// `{ ... }`.
    Block(&'static Spec),
    /// `[ { ... }, ... ]`.
    Blocks(&'static Spec),
}

/// One known key.
#[derive(Debug)]
pub struct Key {
    /// The key, camelCase as in the Kubernetes API.
    pub name: &'static str,
    /// The value it takes.
    pub kind: Kind,
    /// Whether a block without it is an error.
    pub required: bool,
}

/// Keys of which a block must have exactly one (a probe's handler, a volume's source).
#[derive(Debug)]
pub struct OneOf {
    /// The keys.
    pub keys: &'static [&'static str],
    /// What they are, in messages (`handler`).
    pub what: &'static str,
    /// The RULES.md number.
    pub rule: u16,
    /// Whether having none is an error too (otherwise at most one).
    pub required: bool,
}

/// A block: what it is called in messages, its keys (in groups, so blocks can share them) and
/// its one-of constraints.
#[derive(Debug)]
pub struct Spec {
    /// The block in messages (`container`, `readiness probe`).
    pub what: &'static str,
    /// Its keys.
    pub groups: &'static [&'static [Key]],
    /// Its one-of constraints.
    pub one_of: &'static [OneOf],
}

impl Spec {
    /// Every key of the block.
    pub fn keys(&self) -> impl Iterator<Item = &'static Key> + '_ {
        self.groups.iter().flat_map(|g| g.iter())
    }

    /// The key named `name`.
    pub fn key(&self, name: &str) -> Option<&'static Key> {
        self.keys().find(|k| k.name == name)
    }
}

/// A key that may be left out.
const fn opt(name: &'static str, kind: Kind) -> Key {
    Key {
        name,
        kind,
        required: false,
    }
}

/// A key that must be there.
const fn req(name: &'static str, kind: Kind) -> Key {
    Key {
        name,
        kind,
        required: true,
    }
}

/// A block with keys and no one-of constraint.
const fn block(what: &'static str, groups: &'static [&'static [Key]]) -> Spec {
    Spec {
        what,
        groups,
        one_of: &[],
    }
}

// ---- metadata -------------------------------------------------------------------------------

const LABELS: &[Key] = &[
    opt("labels", Kind::Map(Text::LabelKey, Text::LabelValue)),
    opt("annotations", Kind::Map(Text::AnnotationKey, Text::Any)),
];

const NAMESPACE: &[Key] = &[opt("namespace", Kind::Str(Text::Namespace))];

// ---- containers -----------------------------------------------------------------------------

/// `ports: [ { ... } ]`.
pub static PORT: Spec = block(
    "port",
    &[&[
        req("containerPort", Kind::Int(Number::Port)),
        opt("name", Kind::Str(Text::PortName)),
        opt("protocol", Kind::Enum(Enum::Protocol)),
        opt("hostPort", Kind::Int(Number::Port)),
        opt("hostIP", Kind::Str(Text::NonEmpty)),
    ]],
);

const KEY_REF_KEYS: &[Key] = &[
    req("name", Kind::Str(Text::ObjectName(34, "object name"))),
    req("key", Kind::Str(Text::ConfigMapKey)),
    opt("optional", Kind::Bool),
];

/// `configMapKeyRef: { name, key }`.
pub static CONFIG_MAP_KEY_REF: Spec = block("config map key reference", &[KEY_REF_KEYS]);
/// `secretKeyRef: { name, key }`.
pub static SECRET_KEY_REF: Spec = block("secret key reference", &[KEY_REF_KEYS]);
/// `fieldRef: { fieldPath }`.
pub static FIELD_REF: Spec = block(
    "field reference",
    &[&[req("fieldPath", Kind::Str(Text::FieldPath))]],
);
/// `resourceFieldRef: { resource, divisor }`.
pub static RESOURCE_FIELD_REF: Spec = block(
    "resource field reference",
    &[&[
        req("resource", Kind::Str(Text::ResourceField)),
        opt("divisor", Kind::Quantity),
    ]],
);

/// `valueFrom: { ... }`.
pub static VALUE_FROM: Spec = Spec {
    what: "env source",
    groups: &[&[
        opt("configMapKeyRef", Kind::Block(&CONFIG_MAP_KEY_REF)),
        opt("secretKeyRef", Kind::Block(&SECRET_KEY_REF)),
        opt("fieldRef", Kind::Block(&FIELD_REF)),
        opt("resourceFieldRef", Kind::Block(&RESOURCE_FIELD_REF)),
    ]],
    one_of: &[OneOf {
        keys: &[
            "configMapKeyRef",
            "secretKeyRef",
            "fieldRef",
            "resourceFieldRef",
        ],
        what: "source",
        rule: 31,
        required: true,
    }],
};

/// `env: [ { ... } ]`.
pub static ENV: Spec = Spec {
    what: "env var",
    groups: &[&[
        req("name", Kind::Str(Text::EnvName)),
        opt("value", Kind::Str(Text::Any)),
        opt("valueFrom", Kind::Block(&VALUE_FROM)),
    ]],
    one_of: &[OneOf {
        keys: &["value", "valueFrom"],
        what: "value",
        rule: 31,
        required: true,
    }],
};

const NAME_REF_KEYS: &[Key] = &[
    req("name", Kind::Str(Text::ObjectName(35, "object name"))),
    opt("optional", Kind::Bool),
];

/// `configMapRef: { name }`.
pub static CONFIG_MAP_REF: Spec = block("config map reference", &[NAME_REF_KEYS]);
/// `secretRef: { name }`.
pub static SECRET_REF: Spec = block("secret reference", &[NAME_REF_KEYS]);

/// `envFrom: [ { ... } ]`.
pub static ENV_FROM: Spec = Spec {
    what: "env source",
    groups: &[&[
        opt("configMapRef", Kind::Block(&CONFIG_MAP_REF)),
        opt("secretRef", Kind::Block(&SECRET_REF)),
        opt("prefix", Kind::Str(Text::EnvName)),
    ]],
    one_of: &[OneOf {
        keys: &["configMapRef", "secretRef"],
        what: "source",
        rule: 35,
        required: true,
    }],
};

/// `resources: { requests, limits }`.
pub static RESOURCES: Spec = block(
    "resources",
    &[&[
        opt("requests", Kind::Map(Text::ResourceName, Text::Quantity)),
        opt("limits", Kind::Map(Text::ResourceName, Text::Quantity)),
    ]],
);

/// `volumeMounts: [ { ... } ]`.
pub static MOUNT: Spec = Spec {
    what: "volume mount",
    groups: &[&[
        req("name", Kind::Str(Text::VolumeName)),
        req("mountPath", Kind::Str(Text::NonEmpty)),
        opt("readOnly", Kind::Bool),
        opt("subPath", Kind::Str(Text::Any)),
        opt("subPathExpr", Kind::Str(Text::Any)),
        opt("mountPropagation", Kind::Enum(Enum::MountPropagation)),
    ]],
    one_of: &[OneOf {
        keys: &["subPath", "subPathExpr"],
        what: "sub path",
        rule: 37,
        required: false,
    }],
};

/// `httpHeaders: [ { name, value } ]`.
pub static HEADER: Spec = block(
    "http header",
    &[&[
        req("name", Kind::Str(Text::HeaderName)),
        req("value", Kind::Str(Text::Any)),
    ]],
);

/// `httpGet: { path, port }`.
pub static HTTP_GET: Spec = block(
    "http get action",
    &[&[
        req("path", Kind::Str(Text::NonEmpty)),
        req("port", Kind::Port),
        opt("scheme", Kind::Enum(Enum::Scheme)),
        opt("host", Kind::Str(Text::NonEmpty)),
        opt("httpHeaders", Kind::Blocks(&HEADER)),
    ]],
);

/// `tcpSocket: { port }`.
pub static TCP_SOCKET: Spec = block("tcp socket action", &[&[req("port", Kind::Port)]]);

/// `exec: { command }`.
pub static EXEC: Spec = block(
    "exec action",
    &[&[req("command", Kind::StrList(Text::Any))]],
);

/// `grpc: { port, service }`.
pub static GRPC: Spec = block(
    "grpc action",
    &[&[
        req("port", Kind::Int(Number::HandlerPort)),
        opt("service", Kind::Str(Text::Any)),
    ]],
);

/// `sleep: { seconds }`.
pub static SLEEP: Spec = block("sleep action", &[&[req("seconds", Kind::Duration)]]);

/// The handlers of a probe (rule 24).
pub const PROBE_HANDLERS: &[&str] = &["exec", "httpGet", "tcpSocket", "grpc"];
/// The handlers of a lifecycle hook (rule 24).
pub const HOOK_HANDLERS: &[&str] = &["exec", "httpGet", "tcpSocket", "sleep"];

/// A probe.
pub static PROBE: Spec = Spec {
    what: "probe",
    groups: &[&[
        opt("exec", Kind::Block(&EXEC)),
        opt("httpGet", Kind::Block(&HTTP_GET)),
        opt("tcpSocket", Kind::Block(&TCP_SOCKET)),
        opt("grpc", Kind::Block(&GRPC)),
        opt("initialDelaySeconds", Kind::Duration),
        opt("periodSeconds", Kind::Duration),
        opt("timeoutSeconds", Kind::Duration),
        opt("successThreshold", Kind::Int(Number::NonNegative(27))),
        opt("failureThreshold", Kind::Int(Number::NonNegative(27))),
        opt("terminationGracePeriodSeconds", Kind::Duration),
    ]],
    one_of: &[OneOf {
        keys: PROBE_HANDLERS,
        what: "handler",
        rule: 24,
        required: true,
    }],
};

/// A lifecycle hook.
pub static HOOK: Spec = Spec {
    what: "lifecycle hook",
    groups: &[&[
        opt("exec", Kind::Block(&EXEC)),
        opt("httpGet", Kind::Block(&HTTP_GET)),
        opt("tcpSocket", Kind::Block(&TCP_SOCKET)),
        opt("sleep", Kind::Block(&SLEEP)),
    ]],
    one_of: &[OneOf {
        keys: HOOK_HANDLERS,
        what: "handler",
        rule: 24,
        required: true,
    }],
};

/// `lifecycle: { postStart, preStop }`.
pub static LIFECYCLE: Spec = block(
    "lifecycle",
    &[&[
        opt("postStart", Kind::Block(&HOOK)),
        opt("preStop", Kind::Block(&HOOK)),
    ]],
);

/// `capabilities: { add, drop }`.
pub static CAPABILITIES: Spec = block(
    "capabilities",
    &[&[
        opt("add", Kind::StrList(Text::NonEmpty)),
        opt("drop", Kind::StrList(Text::NonEmpty)),
    ]],
);

/// `seccompProfile: { type, localhostProfile }`.
pub static SECCOMP_PROFILE: Spec = block(
    "seccomp profile",
    &[&[
        req("type", Kind::Enum(Enum::SeccompProfileType)),
        opt("localhostProfile", Kind::Str(Text::NonEmpty)),
    ]],
);

const RUN_AS: &[Key] = &[
    opt("runAsNonRoot", Kind::Bool),
    opt("runAsUser", Kind::Int(Number::NonNegative(47))),
    opt("runAsGroup", Kind::Int(Number::NonNegative(47))),
];

/// A container's `securityContext`.
pub static SECURITY_CONTEXT: Spec = block(
    "security context",
    &[
        RUN_AS,
        &[
            opt("allowPrivilegeEscalation", Kind::Bool),
            opt("privileged", Kind::Bool),
            opt("readOnlyRootFilesystem", Kind::Bool),
            opt("capabilities", Kind::Block(&CAPABILITIES)),
            opt("seccompProfile", Kind::Block(&SECCOMP_PROFILE)),
        ],
    ],
);

/// A pod's `securityContext`.
pub static POD_SECURITY_CONTEXT: Spec = block(
    "pod security context",
    &[
        RUN_AS,
        &[
            opt("fsGroup", Kind::Int(Number::NonNegative(47))),
            opt("fsGroupChangePolicy", Kind::Enum(Enum::FsGroupChangePolicy)),
            opt("supplementalGroups", Kind::IntList(Number::NonNegative(47))),
            opt("seccompProfile", Kind::Block(&SECCOMP_PROFILE)),
        ],
    ],
);

/// The probe keys of a container.
pub const PROBES: &[&str] = &["readinessProbe", "livenessProbe", "startupProbe"];

/// A container (every role has the same keys; the role comes from the list it is in).
pub static CONTAINER: Spec = block(
    "container",
    &[&[
        req("name", Kind::Str(Text::ContainerName)),
        req("image", Kind::Str(Text::Image)),
        opt("imagePullPolicy", Kind::Enum(Enum::ImagePullPolicy)),
        opt("command", Kind::StrList(Text::Any)),
        opt("args", Kind::StrList(Text::Any)),
        opt("workingDir", Kind::Str(Text::NonEmpty)),
        opt("ports", Kind::Blocks(&PORT)),
        opt("env", Kind::Blocks(&ENV)),
        opt("envFrom", Kind::Blocks(&ENV_FROM)),
        opt("resources", Kind::Block(&RESOURCES)),
        opt("volumeMounts", Kind::Blocks(&MOUNT)),
        opt("readinessProbe", Kind::Block(&PROBE)),
        opt("livenessProbe", Kind::Block(&PROBE)),
        opt("startupProbe", Kind::Block(&PROBE)),
        opt("lifecycle", Kind::Block(&LIFECYCLE)),
        opt("securityContext", Kind::Block(&SECURITY_CONTEXT)),
        opt(
            "terminationMessagePolicy",
            Kind::Enum(Enum::TerminationMessagePolicy),
        ),
        opt("terminationMessagePath", Kind::Str(Text::NonEmpty)),
        opt("stdin", Kind::Bool),
        opt("stdinOnce", Kind::Bool),
        opt("tty", Kind::Bool),
    ]],
);

// ---- volumes --------------------------------------------------------------------------------

/// `emptyDir: { medium, sizeLimit }`.
pub static EMPTY_DIR: Spec = block(
    "empty dir",
    &[&[
        opt("medium", Kind::Enum(Enum::StorageMedium)),
        opt("sizeLimit", Kind::Quantity),
    ]],
);

/// `items: [ { key, path } ]` of a ConfigMap or Secret volume.
pub static KEY_TO_PATH: Spec = block(
    "item",
    &[&[
        req("key", Kind::Str(Text::ConfigMapKey)),
        req("path", Kind::Str(Text::NonEmpty)),
    ]],
);

const FILE_MODE: &[Key] = &[
    opt("items", Kind::Blocks(&KEY_TO_PATH)),
    opt("defaultMode", Kind::Int(Number::NonNegative(0))),
    opt("optional", Kind::Bool),
];

/// `configMap: { name, ... }`.
pub static CONFIG_MAP_VOLUME: Spec = block(
    "config map volume",
    &[
        &[req(
            "name",
            Kind::Str(Text::ObjectName(34, "config map name")),
        )],
        FILE_MODE,
    ],
);

/// `secret: { secretName, ... }`.
pub static SECRET_VOLUME: Spec = block(
    "secret volume",
    &[
        &[req(
            "secretName",
            Kind::Str(Text::ObjectName(34, "secret name")),
        )],
        FILE_MODE,
    ],
);

/// `persistentVolumeClaim: { claimName, readOnly }`.
pub static CLAIM_VOLUME: Spec = block(
    "persistent volume claim",
    &[&[
        req("claimName", Kind::Str(Text::ObjectName(11, "claim name"))),
        opt("readOnly", Kind::Bool),
    ]],
);

/// An item of a `downwardAPI` volume: `{ path, fieldRef }` or `{ path, resourceFieldRef }`.
pub static DOWNWARD_ITEM: Spec = Spec {
    what: "downward API item",
    groups: &[&[
        req("path", Kind::Str(Text::NonEmpty)),
        opt("fieldRef", Kind::Block(&VOLUME_FIELD_REF)),
        opt("resourceFieldRef", Kind::Block(&VOLUME_RESOURCE_REF)),
    ]],
    one_of: &[OneOf {
        keys: &["fieldRef", "resourceFieldRef"],
        what: "source",
        rule: 36,
        required: true,
    }],
};

/// `resourceFieldRef` of a downward API volume item.
pub static VOLUME_RESOURCE_REF: Spec = block(
    "resource field reference",
    &[&[
        req("containerName", Kind::Str(Text::ContainerName)),
        req("resource", Kind::Str(Text::ResourceField)),
    ]],
);

/// An item of a projected `downwardAPI` source: `{ path, fieldRef }`.
pub static PROJECTED_DOWNWARD_ITEM: Spec = block(
    "downward API item",
    &[&[
        req("path", Kind::Str(Text::NonEmpty)),
        req("fieldRef", Kind::Block(&VOLUME_FIELD_REF)),
    ]],
);

/// `fieldRef` of a downward API volume item (labels and annotations allowed whole).
pub static VOLUME_FIELD_REF: Spec = block(
    "field reference",
    &[&[req("fieldPath", Kind::Str(Text::NonEmpty))]],
);

/// `downwardAPI: { ... }`.
pub static DOWNWARD_API: Spec = block(
    "downward API volume",
    &[&[
        req("items", Kind::Blocks(&DOWNWARD_ITEM)),
        opt("defaultMode", Kind::Int(Number::NonNegative(0))),
    ]],
);

/// `hostPath: { path, type }`.
pub static HOST_PATH: Spec = block(
    "host path",
    &[&[
        req("path", Kind::Str(Text::NonEmpty)),
        opt("type", Kind::Str(Text::Any)),
    ]],
);

/// A projected `configMap: { name, items }` or `secret: { name, items }` source.
pub static PROJECTED_KEYS: Spec = block(
    "projected source",
    &[&[
        req("name", Kind::Str(Text::ObjectName(34, "object name"))),
        opt("items", Kind::Blocks(&KEY_TO_PATH)),
    ]],
);

/// A projected `downwardAPI: { items }` source.
pub static PROJECTED_DOWNWARD: Spec = block(
    "projected downward API source",
    &[&[req("items", Kind::Blocks(&PROJECTED_DOWNWARD_ITEM))]],
);

/// A projected `serviceAccountToken: { path, audience, expirationSeconds }` source.
pub static SERVICE_ACCOUNT_TOKEN: Spec = block(
    "service account token",
    &[&[
        req("path", Kind::Str(Text::NonEmpty)),
        opt("audience", Kind::Str(Text::NonEmpty)),
        opt("expirationSeconds", Kind::Duration),
    ]],
);

/// The sources of a projection (rule 36).
pub const PROJECTION_SOURCES: &[&str] =
    &["configMap", "secret", "downwardAPI", "serviceAccountToken"];

/// One item of `projected.sources`.
pub static PROJECTION: Spec = Spec {
    what: "projection",
    groups: &[&[
        opt("configMap", Kind::Block(&PROJECTED_KEYS)),
        opt("secret", Kind::Block(&PROJECTED_KEYS)),
        opt("downwardAPI", Kind::Block(&PROJECTED_DOWNWARD)),
        opt("serviceAccountToken", Kind::Block(&SERVICE_ACCOUNT_TOKEN)),
    ]],
    one_of: &[OneOf {
        keys: PROJECTION_SOURCES,
        what: "source",
        rule: 36,
        required: true,
    }],
};

/// `projected: { sources, defaultMode }`.
pub static PROJECTED: Spec = block(
    "projected volume",
    &[&[
        req("sources", Kind::Blocks(&PROJECTION)),
        opt("defaultMode", Kind::Int(Number::NonNegative(0))),
    ]],
);

/// The sources of a volume (rule 36).
pub const VOLUME_SOURCES: &[&str] = &[
    "emptyDir",
    "configMap",
    "secret",
    "persistentVolumeClaim",
    "downwardAPI",
    "projected",
    "hostPath",
];

/// `volumes: [ { name, <source> } ]`.
pub static VOLUME: Spec = Spec {
    what: "volume",
    groups: &[&[
        req("name", Kind::Str(Text::VolumeName)),
        opt("emptyDir", Kind::Block(&EMPTY_DIR)),
        opt("configMap", Kind::Block(&CONFIG_MAP_VOLUME)),
        opt("secret", Kind::Block(&SECRET_VOLUME)),
        opt("persistentVolumeClaim", Kind::Block(&CLAIM_VOLUME)),
        opt("downwardAPI", Kind::Block(&DOWNWARD_API)),
        opt("projected", Kind::Block(&PROJECTED)),
        opt("hostPath", Kind::Block(&HOST_PATH)),
    ]],
    one_of: &[OneOf {
        keys: VOLUME_SOURCES,
        what: "source",
        rule: 36,
        required: true,
    }],
};

// ---- scheduling -----------------------------------------------------------------------------

/// `tolerations: [ { key, operator, value, effect, tolerationSeconds } ]` (rule 43).
pub static TOLERATION: Spec = block(
    "toleration",
    &[&[
        opt("key", Kind::Str(Text::QualifiedName(43, "toleration key"))),
        opt("operator", Kind::Enum(Enum::TolerationOperator)),
        opt("value", Kind::Str(Text::LabelValue)),
        opt("effect", Kind::Enum(Enum::TaintEffect)),
        opt("tolerationSeconds", Kind::Duration),
    ]],
);

/// A `matchExpressions` item of a node selector term.
pub static NODE_REQUIREMENT: Spec = block(
    "node selector requirement",
    &[&[
        req(
            "key",
            Kind::Str(Text::QualifiedName(43, "match expression key")),
        ),
        req("operator", Kind::Enum(Enum::NodeSelectorOperator)),
        opt("values", Kind::StrList(Text::Any)),
    ]],
);

/// A `matchExpressions` item of a label selector.
pub static LABEL_REQUIREMENT: Spec = block(
    "label selector requirement",
    &[&[
        req(
            "key",
            Kind::Str(Text::QualifiedName(43, "match expression key")),
        ),
        req("operator", Kind::Enum(Enum::LabelSelectorOperator)),
        opt("values", Kind::StrList(Text::LabelValue)),
    ]],
);

/// A node selector term: `{ matchExpressions: [ ... ] }`.
pub static NODE_TERM: Spec = block(
    "node selector term",
    &[&[req("matchExpressions", Kind::Blocks(&NODE_REQUIREMENT))]],
);

/// `requiredDuringSchedulingIgnoredDuringExecution` of a node affinity.
pub static NODE_SELECTOR: Spec = block(
    "node selector",
    &[&[req("nodeSelectorTerms", Kind::Blocks(&NODE_TERM))]],
);

/// `{ weight, preference }`.
pub static PREFERRED_NODE_TERM: Spec = block(
    "preferred scheduling term",
    &[&[
        req("weight", Kind::Int(Number::Int32)),
        req("preference", Kind::Block(&NODE_TERM)),
    ]],
);

/// The keys of an affinity's required and preferred terms.
pub const REQUIRED: &str = "requiredDuringSchedulingIgnoredDuringExecution";
/// See [`REQUIRED`].
pub const PREFERRED: &str = "preferredDuringSchedulingIgnoredDuringExecution";

/// `nodeAffinity: { ... }`.
pub static NODE_AFFINITY: Spec = block(
    "node affinity",
    &[&[
        opt(REQUIRED, Kind::Block(&NODE_SELECTOR)),
        opt(PREFERRED, Kind::Blocks(&PREFERRED_NODE_TERM)),
    ]],
);

/// `labelSelector: { matchLabels, matchExpressions }`.
pub static LABEL_SELECTOR: Spec = block(
    "label selector",
    &[&[
        opt("matchLabels", Kind::Map(Text::LabelKey, Text::LabelValue)),
        opt("matchExpressions", Kind::Blocks(&LABEL_REQUIREMENT)),
    ]],
);

/// A pod affinity term: `{ topologyKey, labelSelector, namespaces }`.
pub static POD_TERM: Spec = block(
    "pod affinity term",
    &[&[
        req(
            "topologyKey",
            Kind::Str(Text::QualifiedName(43, "topology key")),
        ),
        opt("labelSelector", Kind::Block(&LABEL_SELECTOR)),
        opt("namespaces", Kind::StrList(Text::Namespace)),
    ]],
);

/// `{ weight, podAffinityTerm }`.
pub static WEIGHTED_POD_TERM: Spec = block(
    "weighted pod affinity term",
    &[&[
        req("weight", Kind::Int(Number::Int32)),
        req("podAffinityTerm", Kind::Block(&POD_TERM)),
    ]],
);

/// `podAffinity: { ... }` and `podAntiAffinity: { ... }`.
pub static POD_AFFINITY: Spec = block(
    "pod affinity",
    &[&[
        opt(REQUIRED, Kind::Blocks(&POD_TERM)),
        opt(PREFERRED, Kind::Blocks(&WEIGHTED_POD_TERM)),
    ]],
);

/// `affinity: { nodeAffinity, podAffinity, podAntiAffinity }`.
pub static AFFINITY: Spec = block(
    "affinity",
    &[&[
        opt("nodeAffinity", Kind::Block(&NODE_AFFINITY)),
        opt("podAffinity", Kind::Block(&POD_AFFINITY)),
        opt("podAntiAffinity", Kind::Block(&POD_AFFINITY)),
    ]],
);

/// `options: [ { name, value } ]` of a DNS config.
pub static DNS_OPTION: Spec = block(
    "dns option",
    &[&[
        req("name", Kind::Str(Text::NonEmpty)),
        opt("value", Kind::Str(Text::Any)),
    ]],
);

/// `dnsConfig: { nameservers, searches, options }` (rule 41).
pub static DNS_CONFIG: Spec = block(
    "dns config",
    &[&[
        opt("nameservers", Kind::StrList(Text::NonEmpty)),
        opt("searches", Kind::StrList(Text::NonEmpty)),
        opt("options", Kind::Blocks(&DNS_OPTION)),
    ]],
);

// ---- pods -----------------------------------------------------------------------------------

/// The container lists of a pod, by role.
pub const CONTAINER_LISTS: &[&str] = &[
    "initContainers",
    "sidecars",
    "classicSidecars",
    "ambassadors",
    "classicAmbassadors",
    "adapters",
    "classicAdapters",
    "containers",
];

/// The keys of a pod spec, shared by `pod!`, a Job's `template` and a CronJob's.
const POD_SPEC: &[Key] = &[
    opt("initContainers", Kind::Blocks(&CONTAINER)),
    opt("sidecars", Kind::Blocks(&CONTAINER)),
    opt("classicSidecars", Kind::Blocks(&CONTAINER)),
    opt("ambassadors", Kind::Blocks(&CONTAINER)),
    opt("classicAmbassadors", Kind::Blocks(&CONTAINER)),
    opt("adapters", Kind::Blocks(&CONTAINER)),
    opt("classicAdapters", Kind::Blocks(&CONTAINER)),
    req("containers", Kind::Blocks(&CONTAINER)),
    opt("volumes", Kind::Blocks(&VOLUME)),
    opt(
        "serviceAccountName",
        Kind::Str(Text::ObjectName(11, "service account name")),
    ),
    opt(
        "priorityClassName",
        Kind::Str(Text::ObjectName(11, "priority class name")),
    ),
    opt(
        "runtimeClassName",
        Kind::Str(Text::ObjectName(11, "runtime class name")),
    ),
    opt("nodeSelector", Kind::Map(Text::LabelKey, Text::LabelValue)),
    opt("terminationGracePeriodSeconds", Kind::Duration),
    opt("activeDeadlineSeconds", Kind::Duration),
    opt("securityContext", Kind::Block(&POD_SECURITY_CONTEXT)),
    opt(
        "imagePullSecrets",
        Kind::StrList(Text::ObjectName(44, "secret name")),
    ),
    opt("hostname", Kind::Str(Text::Hostname)),
    opt("subdomain", Kind::Str(Text::Hostname)),
    opt("dnsPolicy", Kind::Enum(Enum::DnsPolicy)),
    opt("dnsConfig", Kind::Block(&DNS_CONFIG)),
    opt("hostNetwork", Kind::Bool),
    opt("automountServiceAccountToken", Kind::Bool),
    opt("shareProcessNamespace", Kind::Bool),
    opt("setHostnameAsFQDN", Kind::Bool),
    opt("enableServiceLinks", Kind::Bool),
    opt("tolerations", Kind::Blocks(&TOLERATION)),
    opt("affinity", Kind::Block(&AFFINITY)),
    opt("schedulerName", Kind::Str(Text::NonEmpty)),
    opt("priority", Kind::Int(Number::Int32)),
];

/// The body of `pod! { ... }`.
pub static POD: Spec = block(
    "pod",
    &[
        &[req("name", Kind::Str(Text::PodName))],
        NAMESPACE,
        LABELS,
        POD_SPEC,
        &[opt("restartPolicy", Kind::Enum(Enum::RestartPolicy))],
    ],
);

/// A Job's `template` (a pod without a name; `restartPolicy` required and never `Always`,
/// rule 53).
pub static JOB_POD_TEMPLATE: Spec = block(
    "job pod template",
    &[
        LABELS,
        POD_SPEC,
        &[req("restartPolicy", Kind::Enum(Enum::JobRestartPolicy))],
    ],
);

/// `onExitCodes: { containerName, operator, values }` (rule 55).
pub static ON_EXIT_CODES: Spec = block(
    "exit code requirement",
    &[&[
        opt("containerName", Kind::Str(Text::ContainerName)),
        req("operator", Kind::Enum(Enum::OnExitCodesOperator)),
        req("values", Kind::IntList(Number::Int32)),
    ]],
);

/// `onPodConditions: [ { type, status } ]` (rule 55).
pub static ON_POD_CONDITION: Spec = block(
    "pod condition pattern",
    &[&[
        req(
            "type",
            Kind::Str(Text::QualifiedName(55, "pod condition type")),
        ),
        req("status", Kind::Enum(Enum::ConditionStatus)),
    ]],
);

/// A rule of `podFailurePolicy` (rule 54).
pub static POD_FAILURE_RULE: Spec = Spec {
    what: "pod failure rule",
    groups: &[&[
        req("action", Kind::Enum(Enum::PodFailurePolicyAction)),
        opt("onExitCodes", Kind::Block(&ON_EXIT_CODES)),
        opt("onPodConditions", Kind::Blocks(&ON_POD_CONDITION)),
    ]],
    one_of: &[OneOf {
        keys: &["onExitCodes", "onPodConditions"],
        what: "condition",
        rule: 54,
        required: true,
    }],
};

/// `podFailurePolicy: { rules: [ ... ] }`.
pub static POD_FAILURE_POLICY: Spec = block(
    "pod failure policy",
    &[&[req("rules", Kind::Blocks(&POD_FAILURE_RULE))]],
);

/// A rule of `successPolicy` (rule 58).
pub static SUCCESS_RULE: Spec = block(
    "success rule",
    &[&[
        opt("succeededIndexes", Kind::Str(Text::NonEmpty)),
        opt("succeededCount", Kind::Int(Number::NonNegative(58))),
    ]],
);

/// `successPolicy: { rules: [ ... ] }`.
pub static SUCCESS_POLICY: Spec = block(
    "success policy",
    &[&[req("rules", Kind::Blocks(&SUCCESS_RULE))]],
);

/// The keys of a Job spec, shared by `job!` and a CronJob's `jobTemplate`.
const JOB_SPEC: &[Key] = &[
    opt("completions", Kind::Int(Number::NonNegative(56))),
    opt("parallelism", Kind::Int(Number::NonNegative(56))),
    opt("backoffLimit", Kind::Int(Number::NonNegative(56))),
    opt("activeDeadlineSeconds", Kind::Duration),
    opt("ttlSecondsAfterFinished", Kind::Duration),
    opt("completionMode", Kind::Enum(Enum::CompletionMode)),
    opt("backoffLimitPerIndex", Kind::Int(Number::NonNegative(56))),
    opt("maxFailedIndexes", Kind::Int(Number::NonNegative(56))),
    opt("podFailurePolicy", Kind::Block(&POD_FAILURE_POLICY)),
    opt("successPolicy", Kind::Block(&SUCCESS_POLICY)),
    opt(
        "podReplacementPolicy",
        Kind::Enum(Enum::PodReplacementPolicy),
    ),
    opt("suspend", Kind::Bool),
    opt("managedBy", Kind::Str(Text::NonEmpty)),
    opt("manualSelector", Kind::Bool),
    opt("selector", Kind::Block(&LABEL_SELECTOR)),
    req("template", Kind::Block(&JOB_POD_TEMPLATE)),
];

/// The body of `job! { ... }`.
pub static JOB: Spec = block(
    "job",
    &[
        &[req("name", Kind::Str(Text::JobName))],
        NAMESPACE,
        LABELS,
        JOB_SPEC,
    ],
);

/// A CronJob's `jobTemplate`.
pub static JOB_TEMPLATE: Spec = block("job template", &[LABELS, JOB_SPEC]);

/// The body of `cronjob! { ... }`.
pub static CRONJOB: Spec = block(
    "cronjob",
    &[
        &[req("name", Kind::Str(Text::CronJobName))],
        NAMESPACE,
        LABELS,
        &[
            req("schedule", Kind::Str(Text::Schedule)),
            opt("timeZone", Kind::Str(Text::TimeZone)),
            opt("concurrencyPolicy", Kind::Enum(Enum::ConcurrencyPolicy)),
            opt("suspend", Kind::Bool),
            opt("startingDeadlineSeconds", Kind::Duration),
            opt(
                "successfulJobsHistoryLimit",
                Kind::Int(Number::NonNegative(64)),
            ),
            opt("failedJobsHistoryLimit", Kind::Int(Number::NonNegative(64))),
            req("jobTemplate", Kind::Block(&JOB_TEMPLATE)),
        ],
    ],
);

// ---- deployments ----------------------------------------------------------------------------

/// `rollingUpdate: { maxSurge, maxUnavailable }` (rule 65).
pub static ROLLING_UPDATE: Spec = block(
    "rolling update",
    &[&[
        opt("maxSurge", Kind::IntOrPercent),
        opt("maxUnavailable", Kind::IntOrPercent),
    ]],
);

/// A Deployment's `strategy: { type, rollingUpdate }`.
pub static DEPLOYMENT_STRATEGY: Spec = block(
    "deployment strategy",
    &[&[
        req("type", Kind::Enum(Enum::DeploymentStrategyType)),
        opt("rollingUpdate", Kind::Block(&ROLLING_UPDATE)),
    ]],
);

/// The pod `template` of a workload whose pods keep running: a pod without a name
/// (`restartPolicy`, if written, is `Always`: rule 65).
pub static POD_TEMPLATE: Spec = block(
    "pod template",
    &[
        LABELS,
        POD_SPEC,
        &[opt("restartPolicy", Kind::Enum(Enum::RestartPolicy))],
    ],
);

/// The body of `deployment! { ... }`.
pub static DEPLOYMENT: Spec = block(
    "deployment",
    &[
        &[req(
            "name",
            Kind::Str(Text::ObjectName(0, "deployment name")),
        )],
        NAMESPACE,
        LABELS,
        &[
            opt("replicas", Kind::Int(Number::NonNegative(65))),
            opt("minReadySeconds", Kind::Duration),
            opt("progressDeadlineSeconds", Kind::Duration),
            opt("revisionHistoryLimit", Kind::Int(Number::NonNegative(65))),
            opt("paused", Kind::Bool),
            opt("strategy", Kind::Block(&DEPLOYMENT_STRATEGY)),
            opt("selector", Kind::Block(&LABEL_SELECTOR)),
            req("template", Kind::Block(&POD_TEMPLATE)),
        ],
    ],
);
