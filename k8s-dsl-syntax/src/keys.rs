//! The known keys of every block, in one place: their names (camelCase, as in the Kubernetes
//! API), the kind of value each takes, which are required, where each sits in the manifest
//! ([`Key::path`]) and the builder call it becomes ([`Call`]).
//!
//! [`crate::check`] walks a parsed body against these tables; [`crate::expand`] turns each key
//! into its call; the importer (`k8s-dsl-import --macros`) reads each manifest field at the
//! key's path and prints it in the key's form. A key is spelled here and nowhere else.

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
    /// A pod's `os` (`linux`, `windows`).
    OsName,
    /// A topology spread constraint's `whenUnsatisfiable`.
    WhenUnsatisfiable,
    /// A topology spread constraint's `nodeAffinityPolicy` and `nodeTaintsPolicy`.
    NodeInclusionPolicy,
    /// A resize policy's `resourceName` (`cpu`, `memory`).
    ResizeResource,
    /// A resize policy's `restartPolicy`.
    ResizeRestartPolicy,
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

/// Where a key's value sits in the manifest, relative to the object of its block.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum At {
    /// A field of the object itself (`image` of a container).
    Object,
    /// A field of its `metadata` (`name`, `labels`).
    Metadata,
    /// A field of its `spec` (`containers`, `replicas`).
    Spec,
}

/// How the manifest writes a value that the macro writes more simply.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// The same value.
    Same,
    /// A list of `{ name: ... }` objects, written as a list of names (`imagePullSecrets`).
    NamedItems,
    /// A file mode, a number the importer writes in octal (`0o644`).
    FileMode,
}

/// The builder call a key becomes (the expansion writes it; the importer reads it back, to
/// find the list of a container's role).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Call {
    /// `.method(value)` (a block value is built by its own builder).
    Arg(&'static str),
    /// `.method()` when the value is `true`.
    Flag(&'static str),
    /// `.method(item)` for each item of the list.
    Each(&'static str),
    /// `.method(key, value)` for each entry of the map.
    Pairs(&'static str),
    /// The block's own keys are calls on the enclosing builder (`resources: { limits }` is
    /// `.limit(..)` on the container).
    Flatten,
    /// Taken by the constructor of the block's builder, or written by the block's own code
    /// (a volume's source, a probe's handler).
    Code,
}

/// One known key: its name in the macros, its place in the manifest, the value it takes and
/// the builder call it becomes.
#[derive(Debug)]
pub struct Key {
    /// The key, camelCase as in the Kubernetes API.
    pub name: &'static str,
    /// The value it takes.
    pub kind: Kind,
    /// Whether a block without it is an error.
    pub required: bool,
    /// Where its value sits in the manifest: under which part of the block's object.
    pub at: At,
    /// The manifest field of that part (the key's own name, except for the container roles:
    /// `sidecars` are `initContainers`).
    pub field: &'static str,
    /// How the manifest writes the value.
    pub shape: Shape,
    /// The builder call.
    pub call: Call,
}

impl Key {
    /// The key's manifest path under its block's object (`spec.initContainers`).
    pub fn path(&self) -> String {
        match self.at {
            At::Object => self.field.to_owned(),
            At::Metadata => format!("metadata.{}", self.field),
            At::Spec => format!("spec.{}", self.field),
        }
    }

    /// In the block's `metadata`.
    const fn meta(self) -> Key {
        Key {
            at: At::Metadata,
            ..self
        }
    }

    /// In the block's `spec`.
    const fn spec(self) -> Key {
        Key {
            at: At::Spec,
            ..self
        }
    }

    /// Read from the manifest field `field` (not the key's name).
    const fn field(self, field: &'static str) -> Key {
        Key { field, ..self }
    }

    /// A list of names that the manifest writes as `{ name }` objects.
    const fn named_items(self) -> Key {
        Key {
            shape: Shape::NamedItems,
            ..self
        }
    }

    /// A file mode.
    const fn file_mode(self) -> Key {
        Key {
            shape: Shape::FileMode,
            ..self
        }
    }

    /// `.method(value)`.
    const fn arg(self, method: &'static str) -> Key {
        Key {
            call: Call::Arg(method),
            ..self
        }
    }

    /// `.method()` when true.
    const fn flag(self, method: &'static str) -> Key {
        Key {
            call: Call::Flag(method),
            ..self
        }
    }

    /// `.method(item)` for each item.
    const fn each(self, method: &'static str) -> Key {
        Key {
            call: Call::Each(method),
            ..self
        }
    }

    /// `.method(key, value)` for each entry.
    const fn pairs(self, method: &'static str) -> Key {
        Key {
            call: Call::Pairs(method),
            ..self
        }
    }

    /// The block's keys are calls on the enclosing builder.
    const fn flatten(self) -> Key {
        Key {
            call: Call::Flatten,
            ..self
        }
    }
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

/// A key that may be left out (a field of the block's object, written by code until a call
/// is given).
const fn opt(name: &'static str, kind: Kind) -> Key {
    Key {
        name,
        kind,
        required: false,
        at: At::Object,
        field: name,
        shape: Shape::Same,
        call: Call::Code,
    }
}

/// A key that must be there.
const fn req(name: &'static str, kind: Kind) -> Key {
    Key {
        required: true,
        ..opt(name, kind)
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
    opt("labels", Kind::Map(Text::LabelKey, Text::LabelValue))
        .meta()
        .pairs("label"),
    opt("annotations", Kind::Map(Text::AnnotationKey, Text::Any))
        .meta()
        .pairs("annotation"),
];

const NAMESPACE: &[Key] = &[opt("namespace", Kind::Str(Text::Namespace))
    .meta()
    .arg("namespace")];

// ---- containers -----------------------------------------------------------------------------

/// `ports: [ { ... } ]`.
pub static PORT: Spec = block(
    "port",
    &[&[
        req("containerPort", Kind::Int(Number::Port)),
        opt("name", Kind::Str(Text::PortName)).arg("name"),
        opt("protocol", Kind::Enum(Enum::Protocol)).arg("protocol"),
        opt("hostPort", Kind::Int(Number::Port)).arg("host_port"),
        opt("hostIP", Kind::Str(Text::NonEmpty)).arg("host_ip"),
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
/// `resourceFieldRef: { containerName, resource, divisor }`.
pub static RESOURCE_FIELD_REF: Spec = block(
    "resource field reference",
    &[&[
        opt("containerName", Kind::Str(Text::ContainerName)),
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
        opt("requests", Kind::Map(Text::ResourceName, Text::Quantity)).pairs("request"),
        opt("limits", Kind::Map(Text::ResourceName, Text::Quantity)).pairs("limit"),
    ]],
);

/// `volumeMounts: [ { ... } ]`.
pub static MOUNT: Spec = Spec {
    what: "volume mount",
    groups: &[&[
        req("name", Kind::Str(Text::VolumeName)),
        req("mountPath", Kind::Str(Text::NonEmpty)),
        opt("readOnly", Kind::Bool).flag("read_only"),
        opt("subPath", Kind::Str(Text::Any)).arg("sub_path"),
        opt("subPathExpr", Kind::Str(Text::Any)).arg("sub_path_expr"),
        opt("mountPropagation", Kind::Enum(Enum::MountPropagation)).arg("propagation"),
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
        opt("scheme", Kind::Enum(Enum::Scheme)).arg("http_scheme"),
        opt("host", Kind::Str(Text::NonEmpty)).arg("http_host"),
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
        opt("service", Kind::Str(Text::Any)).arg("service"),
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
        opt("initialDelaySeconds", Kind::Duration).arg("initial_delay"),
        opt("periodSeconds", Kind::Duration).arg("period"),
        opt("timeoutSeconds", Kind::Duration).arg("timeout"),
        opt("successThreshold", Kind::Int(Number::NonNegative(27))).arg("success_threshold"),
        opt("failureThreshold", Kind::Int(Number::NonNegative(27))).arg("failure_threshold"),
        opt("terminationGracePeriodSeconds", Kind::Duration).arg("termination_grace_period"),
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
        opt("postStart", Kind::Block(&HOOK)).arg("post_start"),
        opt("preStop", Kind::Block(&HOOK)).arg("pre_stop"),
    ]],
);

/// `capabilities: { add, drop }`.
pub static CAPABILITIES: Spec = block(
    "capabilities",
    &[&[
        opt("add", Kind::StrList(Text::NonEmpty)).each("add_capability"),
        opt("drop", Kind::StrList(Text::NonEmpty)).each("drop_capability"),
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
    opt("runAsNonRoot", Kind::Bool).arg("run_as_non_root"),
    opt("runAsUser", Kind::Int(Number::NonNegative(47))).arg("run_as_user"),
    opt("runAsGroup", Kind::Int(Number::NonNegative(47))).arg("run_as_group"),
];

/// A container's `securityContext`.
pub static SECURITY_CONTEXT: Spec = block(
    "security context",
    &[
        RUN_AS,
        &[
            opt("allowPrivilegeEscalation", Kind::Bool).arg("allow_privilege_escalation"),
            opt("privileged", Kind::Bool).arg("privileged"),
            opt("readOnlyRootFilesystem", Kind::Bool).arg("read_only_root_filesystem"),
            opt("capabilities", Kind::Block(&CAPABILITIES)).flatten(),
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
            opt("fsGroup", Kind::Int(Number::NonNegative(47))).arg("fs_group"),
            opt("fsGroupChangePolicy", Kind::Enum(Enum::FsGroupChangePolicy))
                .arg("fs_group_change_policy"),
            opt("supplementalGroups", Kind::IntList(Number::NonNegative(47)))
                .each("supplemental_group"),
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
        req("image", Kind::Str(Text::Image)).arg("image"),
        opt("imagePullPolicy", Kind::Enum(Enum::ImagePullPolicy)).arg("image_pull_policy"),
        opt("command", Kind::StrList(Text::Any)).arg("command"),
        opt("args", Kind::StrList(Text::Any)).arg("args"),
        opt("workingDir", Kind::Str(Text::NonEmpty)).arg("working_dir"),
        opt("ports", Kind::Blocks(&PORT)).each("port"),
        opt("env", Kind::Blocks(&ENV)).each("env_var"),
        opt("envFrom", Kind::Blocks(&ENV_FROM)).each("env_from"),
        opt("resources", Kind::Block(&RESOURCES)).flatten(),
        opt("volumeMounts", Kind::Blocks(&MOUNT)).each("volume_mount"),
        opt("readinessProbe", Kind::Block(&PROBE)).arg("readiness_probe"),
        opt("livenessProbe", Kind::Block(&PROBE)).arg("liveness_probe"),
        opt("startupProbe", Kind::Block(&PROBE)).arg("startup_probe"),
        opt("lifecycle", Kind::Block(&LIFECYCLE)).flatten(),
        opt("securityContext", Kind::Block(&SECURITY_CONTEXT)).arg("security_context"),
        opt(
            "terminationMessagePolicy",
            Kind::Enum(Enum::TerminationMessagePolicy),
        )
        .arg("termination_message_policy"),
        opt("terminationMessagePath", Kind::Str(Text::NonEmpty)).arg("termination_message_path"),
        opt("stdin", Kind::Bool).arg("stdin"),
        opt("stdinOnce", Kind::Bool).arg("stdin_once"),
        opt("tty", Kind::Bool).arg("tty"),
    ]],
);

// ---- volumes --------------------------------------------------------------------------------

/// `emptyDir: { medium, sizeLimit }`.
pub static EMPTY_DIR: Spec = block(
    "empty dir",
    &[&[
        opt("medium", Kind::Enum(Enum::StorageMedium)).arg("medium"),
        opt("sizeLimit", Kind::Quantity).arg("size_limit"),
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
    opt("defaultMode", Kind::Int(Number::NonNegative(0)))
        .file_mode()
        .arg("default_mode"),
    opt("optional", Kind::Bool).flag("optional"),
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
        opt("readOnly", Kind::Bool).flag("read_only"),
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

/// An item of a projected `downwardAPI` source: `{ path, fieldRef }` or
/// `{ path, resourceFieldRef }`.
pub static PROJECTED_DOWNWARD_ITEM: Spec = Spec {
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
        opt("defaultMode", Kind::Int(Number::NonNegative(0)))
            .file_mode()
            .arg("default_mode"),
    ]],
);

/// `hostPath: { path, type }`.
pub static HOST_PATH: Spec = block(
    "host path",
    &[&[
        req("path", Kind::Str(Text::NonEmpty)),
        opt("type", Kind::Str(Text::Any)).arg("kind"),
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
        opt("audience", Kind::Str(Text::NonEmpty)).arg("audience"),
        opt("expirationSeconds", Kind::Duration).arg("expiration"),
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
        opt("defaultMode", Kind::Int(Number::NonNegative(0)))
            .file_mode()
            .arg("default_mode"),
    ]],
);

/// `nfs: { server, path, readOnly }` (rule 98).
pub static NFS_VOLUME: Spec = block(
    "nfs volume",
    &[&[
        req("server", Kind::Str(Text::NonEmpty)),
        req("path", Kind::Str(Text::NonEmpty)),
        opt("readOnly", Kind::Bool).flag("read_only"),
    ]],
);

/// `csi: { driver, readOnly, fsType, volumeAttributes }` (rule 98).
pub static CSI_VOLUME: Spec = block(
    "csi volume",
    &[&[
        req("driver", Kind::Str(Text::NonEmpty)),
        opt("readOnly", Kind::Bool).flag("read_only"),
        opt("fsType", Kind::Str(Text::NonEmpty)).arg("fs_type"),
        opt("volumeAttributes", Kind::Map(Text::Any, Text::Any)).pairs("attribute"),
    ]],
);

/// `image: { reference, pullPolicy }` (rule 98).
pub static IMAGE_VOLUME: Spec = block(
    "image volume",
    &[&[
        req("reference", Kind::Str(Text::NonEmpty)),
        opt("pullPolicy", Kind::Enum(Enum::ImagePullPolicy)).arg("pull_policy"),
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
    "nfs",
    "csi",
    "image",
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
        opt("nfs", Kind::Block(&NFS_VOLUME)),
        opt("csi", Kind::Block(&CSI_VOLUME)),
        opt("image", Kind::Block(&IMAGE_VOLUME)),
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
        opt("nameservers", Kind::StrList(Text::NonEmpty)).each("nameserver"),
        opt("searches", Kind::StrList(Text::NonEmpty)).each("search"),
        opt("options", Kind::Blocks(&DNS_OPTION)),
    ]],
);

// ---- pod placement and platform -------------------------------------------------------------

/// `os: { name }` (rule 46).
pub static POD_OS: Spec = block("pod os", &[&[req("name", Kind::Enum(Enum::OsName))]]);

/// `hostAliases: [ { ip, hostnames } ]` (rule 44).
pub static HOST_ALIAS: Spec = block(
    "host alias",
    &[&[
        req("ip", Kind::Str(Text::NonEmpty)),
        opt(
            "hostnames",
            Kind::StrList(Text::ObjectName(44, "host alias hostname")),
        )
        .each("hostname"),
    ]],
);

/// `readinessGates: [ { conditionType } ]` (rule 96).
pub static READINESS_GATE: Spec = block(
    "readiness gate",
    &[&[req(
        "conditionType",
        Kind::Str(Text::QualifiedName(96, "readiness gate condition type")),
    )]],
);

/// The `labelSelector` of a topology spread constraint (its labels are calls on the
/// constraint).
pub static SPREAD_SELECTOR: Spec = block(
    "spread label selector",
    &[&[opt("matchLabels", Kind::Map(Text::LabelKey, Text::LabelValue)).pairs("label")]],
);

/// `topologySpreadConstraints: [ { ... } ]` (rule 93).
pub static TOPOLOGY_SPREAD: Spec = block(
    "topology spread constraint",
    &[&[
        req("maxSkew", Kind::Int(Number::Int32)),
        req("topologyKey", Kind::Str(Text::NonEmpty)),
        req("whenUnsatisfiable", Kind::Enum(Enum::WhenUnsatisfiable)),
        opt("labelSelector", Kind::Block(&SPREAD_SELECTOR)).flatten(),
        opt("matchLabelKeys", Kind::StrList(Text::LabelKey)).each("match_label_key"),
        opt("minDomains", Kind::Int(Number::Int32)).arg("min_domains"),
        opt("nodeAffinityPolicy", Kind::Enum(Enum::NodeInclusionPolicy))
            .arg("node_affinity_policy"),
        opt("nodeTaintsPolicy", Kind::Enum(Enum::NodeInclusionPolicy)).arg("node_taints_policy"),
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
    opt("initContainers", Kind::Blocks(&CONTAINER))
        .spec()
        .each("init_container"),
    opt("sidecars", Kind::Blocks(&CONTAINER))
        .spec()
        .field("initContainers")
        .each("sidecar"),
    opt("classicSidecars", Kind::Blocks(&CONTAINER))
        .spec()
        .field("containers")
        .each("classic_sidecar"),
    opt("ambassadors", Kind::Blocks(&CONTAINER))
        .spec()
        .field("initContainers")
        .each("ambassador"),
    opt("classicAmbassadors", Kind::Blocks(&CONTAINER))
        .spec()
        .field("containers")
        .each("classic_ambassador"),
    opt("adapters", Kind::Blocks(&CONTAINER))
        .spec()
        .field("initContainers")
        .each("adapter"),
    opt("classicAdapters", Kind::Blocks(&CONTAINER))
        .spec()
        .field("containers")
        .each("classic_adapter"),
    req("containers", Kind::Blocks(&CONTAINER))
        .spec()
        .each("container"),
    opt("volumes", Kind::Blocks(&VOLUME)).spec().each("volume"),
    opt(
        "serviceAccountName",
        Kind::Str(Text::ObjectName(11, "service account name")),
    )
    .spec()
    .arg("service_account_name"),
    opt(
        "priorityClassName",
        Kind::Str(Text::ObjectName(11, "priority class name")),
    )
    .spec()
    .arg("priority_class_name"),
    opt(
        "runtimeClassName",
        Kind::Str(Text::ObjectName(11, "runtime class name")),
    )
    .spec()
    .arg("runtime_class_name"),
    opt("nodeSelector", Kind::Map(Text::LabelKey, Text::LabelValue))
        .spec()
        .pairs("node_selector"),
    opt("terminationGracePeriodSeconds", Kind::Duration)
        .spec()
        .arg("termination_grace_period"),
    opt("activeDeadlineSeconds", Kind::Duration)
        .spec()
        .arg("active_deadline"),
    opt("securityContext", Kind::Block(&POD_SECURITY_CONTEXT))
        .spec()
        .arg("security_context"),
    opt(
        "imagePullSecrets",
        Kind::StrList(Text::ObjectName(44, "secret name")),
    )
    .spec()
    .named_items()
    .each("image_pull_secret"),
    opt("hostname", Kind::Str(Text::Hostname))
        .spec()
        .arg("hostname"),
    opt("subdomain", Kind::Str(Text::Hostname))
        .spec()
        .arg("subdomain"),
    opt("dnsPolicy", Kind::Enum(Enum::DnsPolicy))
        .spec()
        .arg("dns_policy"),
    opt("dnsConfig", Kind::Block(&DNS_CONFIG))
        .spec()
        .arg("dns_config"),
    opt("hostNetwork", Kind::Bool).spec().arg("host_network"),
    opt("automountServiceAccountToken", Kind::Bool)
        .spec()
        .arg("automount_service_account_token"),
    opt("shareProcessNamespace", Kind::Bool)
        .spec()
        .arg("share_process_namespace"),
    opt("setHostnameAsFQDN", Kind::Bool)
        .spec()
        .arg("set_hostname_as_fqdn"),
    opt("enableServiceLinks", Kind::Bool)
        .spec()
        .arg("enable_service_links"),
    opt("tolerations", Kind::Blocks(&TOLERATION))
        .spec()
        .each("toleration"),
    opt("affinity", Kind::Block(&AFFINITY))
        .spec()
        .arg("affinity"),
    opt("schedulerName", Kind::Str(Text::NonEmpty))
        .spec()
        .arg("scheduler_name"),
    opt("priority", Kind::Int(Number::Int32))
        .spec()
        .arg("priority"),
    opt("hostPID", Kind::Bool).spec().arg("host_pid"),
    opt("hostIPC", Kind::Bool).spec().arg("host_ipc"),
    opt("os", Kind::Block(&POD_OS)).spec().arg("os"),
    opt("hostAliases", Kind::Blocks(&HOST_ALIAS))
        .spec()
        .each("host_alias"),
    opt("topologySpreadConstraints", Kind::Blocks(&TOPOLOGY_SPREAD))
        .spec()
        .each("topology_spread"),
    opt(
        "schedulingGates",
        Kind::StrList(Text::QualifiedName(95, "scheduling gate name")),
    )
    .spec()
    .named_items()
    .each("scheduling_gate"),
    opt("readinessGates", Kind::Blocks(&READINESS_GATE))
        .spec()
        .each("readiness_gate"),
    opt("resources", Kind::Block(&RESOURCES)).spec().flatten(),
];

/// The body of `pod! { ... }`.
pub static POD: Spec = block(
    "pod",
    &[
        &[req("name", Kind::Str(Text::PodName)).meta()],
        NAMESPACE,
        LABELS,
        POD_SPEC,
        &[opt("restartPolicy", Kind::Enum(Enum::RestartPolicy))
            .spec()
            .arg("restart_policy")],
    ],
);

/// A Job's `template` (a pod without a name; `restartPolicy` required and never `Always`,
/// rule 53).
pub static JOB_POD_TEMPLATE: Spec = block(
    "job pod template",
    &[
        LABELS,
        // Written on the Job (`Job::restart_policy`), before the pod's keys.
        &[req("restartPolicy", Kind::Enum(Enum::JobRestartPolicy)).spec()],
        POD_SPEC,
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
    opt("completions", Kind::Int(Number::NonNegative(56)))
        .spec()
        .arg("completions"),
    opt("parallelism", Kind::Int(Number::NonNegative(56)))
        .spec()
        .arg("parallelism"),
    opt("backoffLimit", Kind::Int(Number::NonNegative(56)))
        .spec()
        .arg("backoff_limit"),
    opt("activeDeadlineSeconds", Kind::Duration)
        .spec()
        .arg("active_deadline"),
    opt("ttlSecondsAfterFinished", Kind::Duration)
        .spec()
        .arg("ttl_after_finished"),
    opt("completionMode", Kind::Enum(Enum::CompletionMode))
        .spec()
        .arg("completion_mode"),
    opt("backoffLimitPerIndex", Kind::Int(Number::NonNegative(56)))
        .spec()
        .arg("backoff_limit_per_index"),
    opt("maxFailedIndexes", Kind::Int(Number::NonNegative(56)))
        .spec()
        .arg("max_failed_indexes"),
    opt("podFailurePolicy", Kind::Block(&POD_FAILURE_POLICY)).spec(),
    opt("successPolicy", Kind::Block(&SUCCESS_POLICY)).spec(),
    opt(
        "podReplacementPolicy",
        Kind::Enum(Enum::PodReplacementPolicy),
    )
    .spec()
    .arg("pod_replacement_policy"),
    opt("suspend", Kind::Bool).spec().arg("suspend"),
    opt("managedBy", Kind::Str(Text::NonEmpty))
        .spec()
        .arg("managed_by"),
    opt("manualSelector", Kind::Bool).spec(),
    opt("selector", Kind::Block(&LABEL_SELECTOR)).spec(),
    req("template", Kind::Block(&JOB_POD_TEMPLATE)).spec(),
];

/// The body of `job! { ... }`.
pub static JOB: Spec = block(
    "job",
    &[
        &[req("name", Kind::Str(Text::JobName)).meta()],
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
        &[req("name", Kind::Str(Text::CronJobName)).meta()],
        NAMESPACE,
        LABELS,
        &[
            req("schedule", Kind::Str(Text::Schedule)).spec(),
            opt("timeZone", Kind::Str(Text::TimeZone))
                .spec()
                .arg("time_zone"),
            opt("concurrencyPolicy", Kind::Enum(Enum::ConcurrencyPolicy))
                .spec()
                .arg("concurrency_policy"),
            opt("suspend", Kind::Bool).spec().arg("suspend"),
            opt("startingDeadlineSeconds", Kind::Duration)
                .spec()
                .arg("starting_deadline"),
            opt(
                "successfulJobsHistoryLimit",
                Kind::Int(Number::NonNegative(64)),
            )
            .spec()
            .arg("successful_jobs_history_limit"),
            opt("failedJobsHistoryLimit", Kind::Int(Number::NonNegative(64)))
                .spec()
                .arg("failed_jobs_history_limit"),
            req("jobTemplate", Kind::Block(&JOB_TEMPLATE)).spec(),
        ],
    ],
);

// ---- deployments ----------------------------------------------------------------------------

/// `rollingUpdate: { maxSurge, maxUnavailable }` (rule 65).
pub static ROLLING_UPDATE: Spec = block(
    "rolling update",
    &[&[
        opt("maxSurge", Kind::IntOrPercent).arg("max_surge"),
        opt("maxUnavailable", Kind::IntOrPercent).arg("max_unavailable"),
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
        &[opt("restartPolicy", Kind::Enum(Enum::RestartPolicy))
            .spec()
            .arg("restart_policy")],
    ],
);

/// The body of `deployment! { ... }`.
pub static DEPLOYMENT: Spec = block(
    "deployment",
    &[
        &[req("name", Kind::Str(Text::ObjectName(0, "deployment name"))).meta()],
        NAMESPACE,
        LABELS,
        &[
            opt("replicas", Kind::Int(Number::NonNegative(65)))
                .spec()
                .arg("replicas"),
            opt("minReadySeconds", Kind::Duration)
                .spec()
                .arg("min_ready"),
            opt("progressDeadlineSeconds", Kind::Duration)
                .spec()
                .arg("progress_deadline"),
            opt("revisionHistoryLimit", Kind::Int(Number::NonNegative(65)))
                .spec()
                .arg("revision_history_limit"),
            opt("paused", Kind::Bool).spec().arg("paused"),
            opt("strategy", Kind::Block(&DEPLOYMENT_STRATEGY)).spec(),
            opt("selector", Kind::Block(&LABEL_SELECTOR))
                .spec()
                .arg("selector"),
            req("template", Kind::Block(&POD_TEMPLATE))
                .spec()
                .arg("template"),
        ],
    ],
);

// ---- stateful sets --------------------------------------------------------------------------

/// The body of `statefulset! { ... }` (its `volumeClaimTemplates` are builder calls on the
/// result: `.volume_claim(..)`).
pub static STATEFULSET: Spec = block(
    "stateful set",
    &[
        &[req("name", Kind::Str(Text::ObjectName(0, "stateful set name"))).meta()],
        NAMESPACE,
        LABELS,
        &[
            opt(
                "serviceName",
                Kind::Str(Text::ObjectName(0, "service name")),
            )
            .spec()
            .arg("service_name"),
            opt("replicas", Kind::Int(Number::NonNegative(65)))
                .spec()
                .arg("replicas"),
            opt("minReadySeconds", Kind::Duration)
                .spec()
                .arg("min_ready"),
            opt("revisionHistoryLimit", Kind::Int(Number::NonNegative(65)))
                .spec()
                .arg("revision_history_limit"),
            opt("selector", Kind::Block(&LABEL_SELECTOR))
                .spec()
                .arg("selector"),
            req("template", Kind::Block(&POD_TEMPLATE))
                .spec()
                .arg("template"),
        ],
    ],
);
