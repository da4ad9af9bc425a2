//! Arbitrary, valid builder input for the emission round trip: proptest strategies that make
//! Pods (containers in every role, with env, ports, probes, hooks, volumes and resources),
//! Jobs, CronJobs, Deployments and Services through the public builders, with hostile strings
//! wherever the API takes free text (annotation values, env values, command and args, header
//! values, paths) and hostile-looking names wherever a grammar allows them (`on`, `yes`, `12`,
//! `0x1f`, `1e3`, `2001-12-14` as label values, keys, container and port names).
//!
//! Every value the strategies make is valid, so `build()` must succeed; the round trip
//! ([`check_round_trip`]) then writes the object as YAML ([`k8s_dsl::emit::to_yaml`]) and
//! JSON and reads both back into the k8s-openapi type, which must be equal to the built one.
//!
//! Used by the property test `tests/tests/builder_roundtrip_props.rs` and by the
//! `roundtrip-sample` program, whose output the test command reads back with PyYAML
//! (YAML 1.1) and ruamel.yaml (YAML 1.2) through `scripts/validate.py`.

use std::collections::BTreeSet;
use std::fmt::Debug;

use k8s_dsl::prelude::*;
use k8s_dsl::workload::{DeploymentStrategy, RollingUpdate};
use k8s_dsl::Errors;
use k8s_openapi::api::{apps::v1 as apps, batch::v1 as batch, core::v1 as core};
use proptest::prelude::*;
use proptest::sample::select;
use serde::de::DeserializeOwned;
use serde::Serialize;

use crate::hostile_strings;

/// Hostile strings that are valid label values (rule 8), label name parts and annotation name
/// parts: each is something a YAML 1.1 reader would turn into a boolean, null, number or date
/// if it were written plain.
const HOSTILE_QUALIFIED: &[&str] = &[
    "y",
    "Y",
    "n",
    "N",
    "yes",
    "Yes",
    "NO",
    "on",
    "On",
    "OFF",
    "true",
    "True",
    "FALSE",
    "null",
    "Null",
    "NULL",
    "0",
    "1",
    "007",
    "12",
    "8080",
    "65535",
    "0x1F",
    "0xff",
    "0o17",
    "0b1010",
    "1_000",
    "1.0",
    "1.28",
    "1e3",
    "1E-3",
    "2001-12-14",
    "2002-12-14",
    "NaN",
    "Infinity",
    "a_b",
    "y.n",
];

/// Hostile strings that are valid DNS-1123 labels (lowercase alphanumerics and `-`): container
/// names, namespaces, object names.
const HOSTILE_DNS_LABEL: &[&str] = &[
    "y",
    "n",
    "yes",
    "no",
    "on",
    "off",
    "true",
    "false",
    "null",
    "0",
    "1",
    "007",
    "12",
    "0x1f",
    "0o17",
    "0b1010",
    "1e3",
    "2001-12-14",
    "nan",
    "inf",
];

/// Hostile strings that are valid DNS-1035 labels (a letter first): Service names.
const HOSTILE_DNS1035: &[&str] = &[
    "y", "n", "yes", "no", "on", "off", "true", "false", "null", "nan", "inf", "e3", "x1e3",
];

/// Hostile strings that are valid IANA service names (container and service port names).
const HOSTILE_PORT_NAMES: &[&str] = &[
    "y", "n", "yes", "no", "on", "off", "true", "false", "null", "nan", "0x1f", "1e3", "0o17",
    "0b1010",
];

/// Hostile strings that are valid environment variable names (rule 30).
const HOSTILE_ENV_NAMES: &[&str] = &[
    "y", "Y", "on", "NO", "true", "null", "NULL", "_", "-", "--", "-1", "a.b", "_12", "x-1",
];

/// Hostile strings that are valid ConfigMap keys (rule 34).
const HOSTILE_KEYS: &[&str] = &[
    "y",
    "on",
    "yes",
    "NO",
    "true",
    "null",
    "0",
    "007",
    "12",
    "0x1F",
    "1_000",
    "1e3",
    "1.0",
    ".inf",
    "2001-12-14",
    "-",
    "_",
    "a.b",
];

/// Hostile strings that are valid path segments (no `/`, not `..`, not empty).
const HOSTILE_SEGMENTS: &[&str] = &[
    "yes",
    "on",
    "~",
    "null",
    "12:30",
    "0x1F",
    "1e3",
    "2001-12-14",
    "a #b",
    "#c",
    "- item",
    "? key",
    "key: value",
    "!tag",
    "&anchor",
    "*alias",
    "|",
    ">",
    "'single'",
    "\"double\"",
    "%percent",
    "@at",
    "[a, b]",
    "{a: b}",
    " leading",
    "trailing ",
    "日本語",
    "🚀 rocket",
    "back\\slash",
    "file.conf",
];

/// Image references that look like other YAML scalars (`12:30`, `on:off`) besides ordinary ones.
const IMAGES: &[&str] = &[
    "busybox:1.28",
    "nginx:1.27",
    "registry.example.com:5000/team/app:v1.2.3",
    "ghcr.io/org/tool@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
    "12:30",
    "on:off",
    "yes:no",
    "y:1e3",
    "0x1f:0o17",
    "2001:12",
    "null:true",
];

/// Cron schedules (rule 61).
const SCHEDULES: &[&str] = &[
    "*/5 * * * *",
    "@hourly",
    "@daily",
    "0 12 * * 1-5",
    "30 2 1 * *",
    "0 0 * * SUN",
    "15,45 */2 * JAN-JUN *",
];

/// IANA time zones (rule 63).
const TIME_ZONES: &[&str] = &["Etc/UTC", "Europe/Berlin", "America/New_York", "Asia/Tokyo"];

/// Downward API fields for env vars (rule 32).
const FIELD_PATHS: &[&str] = &[
    "metadata.name",
    "metadata.namespace",
    "metadata.uid",
    "spec.nodeName",
    "spec.serviceAccountName",
    "status.hostIP",
    "status.podIP",
    "metadata.labels['on']",
    "metadata.annotations['example.com/yes']",
];

/// Free text: the hostile fixture (NUL-free), concatenations of it, YAML indicators, control
/// and line-break characters, any unicode, and, rarely (they make the
/// YAML large), a string over 1000 characters.
pub fn free_text() -> BoxedStrategy<String> {
    let fragments: Vec<String> = hostile_strings()
        .into_iter()
        .filter(|s| !s.contains('\0'))
        .collect();
    let long_unit = select(fragments.clone());
    prop_oneof![
        15 => select(fragments.clone()),
        9 => prop::collection::vec(select(fragments), 1..4).prop_map(|parts| parts.concat()),
        6 => "[a-zA-Z0-9 :#&*!|>'\"%@`,\\[\\]{}?=~<+._/-]{0,12}",
        3 => "[\\x01-\\x1f\\x7f-\\u{a0}\\u{2028}\\u{2029}\\u{feff}\\u{fffe}\\u{ffff}a ]{1,6}",
        3 => ".{0,20}".prop_map(|s| s.replace('\0', "")),
        1 => (long_unit, 1000..1100usize).prop_map(|(unit, len)| {
            let unit = if unit.is_empty() { "k".to_owned() } else { unit };
            unit.repeat(len / unit.len() + 1)
        }),
    ]
    .boxed()
}

/// Free text that is not empty (an HTTP path, a mount path's tail).
fn non_empty_text() -> BoxedStrategy<String> {
    free_text()
        .prop_map(|s| if s.is_empty() { "/".to_owned() } else { s })
        .boxed()
}

/// One of `fixed`, or a string of `pattern`.
fn either(fixed: &'static [&'static str], pattern: &'static str) -> BoxedStrategy<String> {
    prop_oneof![
        2 => select(fixed).prop_map(str::to_owned),
        1 => pattern,
    ]
    .boxed()
}

/// A DNS-1123 subdomain (rule 1), short.
fn dns_subdomain() -> BoxedStrategy<String> {
    prop_oneof![
        2 => select(HOSTILE_DNS_LABEL).prop_map(str::to_owned),
        1 => (select(HOSTILE_DNS_LABEL), select(HOSTILE_DNS_LABEL)).prop_map(|(a, b)| format!("{a}.{b}")),
        1 => "[a-z0-9]([-a-z0-9]{0,10}[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]{0,10}[a-z0-9])?){0,2}",
    ]
    .boxed()
}

/// A DNS-1123 label (rule 6).
fn dns_label() -> BoxedStrategy<String> {
    either(HOSTILE_DNS_LABEL, "[a-z0-9]([-a-z0-9]{0,14}[a-z0-9])?")
}

/// A qualified name (rule 8): an optional DNS-subdomain prefix and a name part.
fn qualified_name() -> BoxedStrategy<String> {
    let name = either(
        HOSTILE_QUALIFIED,
        "[A-Za-z0-9]([-A-Za-z0-9_.]{0,20}[A-Za-z0-9])?",
    );
    (prop::option::of(dns_subdomain()), name)
        .prop_map(|(prefix, name)| match prefix {
            Some(prefix) => format!("{prefix}/{name}"),
            None => name,
        })
        .boxed()
}

/// A label value (rule 8): empty, hostile, or up to 63 characters of the grammar.
fn label_value() -> BoxedStrategy<String> {
    prop_oneof![
        1 => Just(String::new()),
        4 => select(HOSTILE_QUALIFIED).prop_map(str::to_owned),
        2 => "[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?",
    ]
    .boxed()
}

/// Labels: 0 to 4 entries (`at_least_one` for a workload template, whose labels are the
/// selector).
fn labels(at_least_one: bool) -> BoxedStrategy<Vec<(String, String)>> {
    let min = usize::from(at_least_one);
    prop::collection::vec((qualified_name(), label_value()), min..5).boxed()
}

/// Annotations with hostile values, 0 to 4 entries.
fn annotations() -> BoxedStrategy<Vec<(String, String)>> {
    prop::collection::vec((qualified_name(), free_text()), 0..5).boxed()
}

/// A port name (rule 21).
fn port_name() -> BoxedStrategy<String> {
    either(HOSTILE_PORT_NAMES, "[a-z]{1,4}(-[a-z0-9]{1,4}){0,2}")
}

/// An environment variable name (rule 30).
fn env_name() -> BoxedStrategy<String> {
    either(HOSTILE_ENV_NAMES, "[A-Za-z_][A-Za-z0-9_]{0,12}")
}

/// A ConfigMap or Secret key (rule 34).
fn config_key() -> BoxedStrategy<String> {
    either(HOSTILE_KEYS, "[A-Za-z0-9_-][-._A-Za-z0-9]{0,12}")
}

/// A relative path inside a volume (rule 36): hostile segments joined by `/`.
fn relative_path() -> BoxedStrategy<String> {
    prop::collection::vec(select(HOSTILE_SEGMENTS), 1..3)
        .prop_map(|parts| parts.join("/"))
        .boxed()
}

/// A duration in whole seconds, written as a [`Duration`] or as text (`90s`, `2m`).
fn duration(max_secs: u32) -> BoxedStrategy<Parsed<Duration>> {
    prop_oneof![
        (1..=max_secs).prop_map(|s| Parsed::from(Duration::seconds(s))),
        (1..=max_secs).prop_map(|s| Parsed::from(format!("{s}s"))),
        (1..=max_secs / 60 + 1).prop_map(|m| Parsed::from(format!("{m}m"))),
    ]
    .boxed()
}

/// A CPU request and a limit not below it, in millicores, in the notations Kubernetes reads
/// (`250m`, `2`, `250e-3`).
fn cpu() -> BoxedStrategy<(String, String)> {
    (1..4000u32, 0..4000u32, 0..3u8)
        .prop_map(|(request, extra, form)| {
            let limit = request + extra;
            let text = |m: u32| match form {
                0 => format!("{m}m"),
                1 if m % 1000 == 0 => (m / 1000).to_string(),
                _ => format!("{m}e-3"),
            };
            (text(request), text(limit))
        })
        .boxed()
}

/// A memory request and a limit not below it (`64Mi`, `67108864`, `64M`).
fn memory() -> BoxedStrategy<(String, String)> {
    (1..2048u64, 0..2048u64, 0..3u8)
        .prop_map(|(request, extra, form)| {
            let limit = request + extra;
            let text = |mi: u64| match form {
                0 => format!("{mi}Mi"),
                1 => (mi * 1024 * 1024).to_string(),
                _ => format!("{}M", mi * 2),
            };
            (text(request), text(limit))
        })
        .boxed()
}

/// What a container's environment variable is set from.
fn env_var() -> BoxedStrategy<EnvVar> {
    prop_oneof![
        6 => (env_name(), free_text()).prop_map(|(n, v)| EnvVar::value(n, v)),
        1 => (env_name(), select(FIELD_PATHS)).prop_map(|(n, f)| EnvVar::field(n, f)),
        1 => (env_name(), dns_subdomain(), config_key(), any::<Option<bool>>()).prop_map(
            |(n, cm, key, optional)| {
                let var = EnvVar::config_map_key(n, cm, key);
                match optional {
                    Some(o) => var.optional(o),
                    None => var,
                }
            }
        ),
        1 => (env_name(), dns_subdomain(), config_key()).prop_map(|(n, s, key)| EnvVar::secret_key(n, s, key)),
        1 => (env_name(), select(&["limits.cpu", "requests.cpu"][..]), select(&["1m", "1"][..]))
            .prop_map(|(n, r, d)| EnvVar::resource(n, r).divisor(d)),
        1 => (env_name(), select(&["limits.memory", "requests.ephemeral-storage"][..]), select(&["1", "1Mi", "1k"][..]))
            .prop_map(|(n, r, d)| EnvVar::resource(n, r).divisor(d)),
    ]
    .boxed()
}

/// A probe (or hook) handler before its port is resolved against the container's ports.
#[derive(Debug, Clone)]
enum Action {
    /// `exec` with this command.
    Exec(Vec<String>),
    /// `httpGet` on this path, the nth port, with these headers and maybe HTTPS.
    Http {
        path: String,
        port: usize,
        headers: Vec<(String, String)>,
        https: Option<bool>,
    },
    /// `tcpSocket` on the nth port.
    Tcp(usize),
    /// `grpc` on the nth port's number, with this service name.
    Grpc(usize, Option<String>),
}

fn command() -> BoxedStrategy<Vec<String>> {
    prop::collection::vec(free_text(), 1..4).boxed()
}

fn action(grpc: bool) -> BoxedStrategy<Action> {
    let http = (
        non_empty_text(),
        any::<usize>(),
        prop::collection::vec(("[A-Za-z][-A-Za-z0-9]{0,10}", free_text()), 0..3),
        any::<Option<bool>>(),
    )
        .prop_map(|(path, port, headers, https)| Action::Http {
            path,
            port,
            headers,
            https,
        });
    let common = prop_oneof![
        command().prop_map(Action::Exec),
        http,
        any::<usize>().prop_map(Action::Tcp),
    ];
    if grpc {
        prop_oneof![
            3 => common,
            1 => (any::<usize>(), prop::option::of(free_text())).prop_map(|(p, s)| Action::Grpc(p, s)),
        ]
        .boxed()
    } else {
        common.boxed()
    }
}

/// The port an action points at: the nth declared port by name (or number when unnamed), or
/// 8080 in a container without ports.
fn port_ref(ports: &[(i32, Option<String>)], n: usize) -> PortRef {
    match ports.get(n % ports.len().max(1)) {
        Some((_, Some(name))) => PortRef::from(name.as_str()),
        Some((number, None)) => PortRef::from(*number),
        None => PortRef::from(8080),
    }
}

fn port_number(ports: &[(i32, Option<String>)], n: usize) -> i32 {
    ports
        .get(n % ports.len().max(1))
        .map_or(9090, |(number, _)| *number)
}

/// Probe timing: initial delay, period, timeout, failure threshold, success threshold (used on
/// readiness probes only: the others must have 1, rule 29).
#[derive(Debug, Clone)]
struct Timing {
    initial_delay: Option<Parsed<Duration>>,
    period: Option<Parsed<Duration>>,
    timeout: Option<Parsed<Duration>>,
    failure_threshold: Option<i32>,
    success_threshold: Option<i32>,
}

fn timing() -> BoxedStrategy<Timing> {
    (
        prop::option::of(duration(300)),
        prop::option::of(duration(60)),
        prop::option::of(duration(30)),
        prop::option::of(1..10i32),
        prop::option::of(1..5i32),
    )
        .prop_map(
            |(initial_delay, period, timeout, failure_threshold, success_threshold)| Timing {
                initial_delay,
                period,
                timeout,
                failure_threshold,
                success_threshold,
            },
        )
        .boxed()
}

fn probe(
    action: &Action,
    timing: &Timing,
    readiness: bool,
    ports: &[(i32, Option<String>)],
) -> Probe {
    let mut probe = match action {
        Action::Exec(command) => Probe::exec(command.clone()),
        Action::Http {
            path,
            port,
            headers,
            https,
        } => {
            let mut probe = Probe::http_get(path.clone(), port_ref(ports, *port));
            for (name, value) in headers {
                probe = probe.http_header(name.clone(), value.clone());
            }
            match https {
                Some(true) => probe.http_scheme(Scheme::Https),
                Some(false) => probe.http_scheme(Scheme::Http),
                None => probe,
            }
        }
        Action::Tcp(port) => Probe::tcp_socket(port_ref(ports, *port)),
        Action::Grpc(port, service) => {
            let probe = Probe::grpc(port_number(ports, *port));
            match service {
                Some(service) => probe.service(service.clone()),
                None => probe,
            }
        }
    };
    if let Some(d) = &timing.initial_delay {
        probe = probe.initial_delay(d.clone());
    }
    if let Some(d) = &timing.period {
        probe = probe.period(d.clone());
    }
    if let Some(d) = &timing.timeout {
        probe = probe.timeout(d.clone());
    }
    if let Some(n) = timing.failure_threshold {
        probe = probe.failure_threshold(n);
    }
    match timing.success_threshold {
        Some(n) if readiness => probe.success_threshold(n),
        Some(_) => probe.success_threshold(1),
        None => probe,
    }
}

/// A lifecycle hook: the action (gRPC is probe-only and never drawn here) or a sleep of at
/// most 30 s (the default grace period, which the generated pods never lower, rule 26).
#[derive(Debug, Clone)]
enum Hook {
    /// An `exec`, `httpGet` or `tcpSocket` action.
    Action(Action),
    /// A `sleep` of this many seconds.
    Sleep(u32),
}

fn hook_strategy() -> BoxedStrategy<Hook> {
    prop_oneof![
        3 => action(false).prop_map(Hook::Action),
        1 => (1..=30u32).prop_map(Hook::Sleep),
    ]
    .boxed()
}

fn hook(hook: &Hook, ports: &[(i32, Option<String>)]) -> Handler {
    match hook {
        Hook::Sleep(secs) => Handler::sleep(Duration::seconds(*secs)),
        Hook::Action(Action::Exec(command)) => Handler::exec(command.clone()),
        Hook::Action(Action::Http {
            path,
            port,
            headers,
            https,
        }) => {
            let mut handler = Handler::http_get(path.clone(), port_ref(ports, *port));
            for (name, value) in headers {
                handler = handler.http_header(name.clone(), value.clone());
            }
            match https {
                Some(true) => handler.http_scheme(Scheme::Https),
                Some(false) => handler.http_scheme(Scheme::Http),
                None => handler,
            }
        }
        Hook::Action(Action::Tcp(port)) => Handler::tcp_socket(port_ref(ports, *port)),
        Hook::Action(Action::Grpc(port, _)) => Handler::tcp_socket(port_number(ports, *port)),
    }
}

/// Where a container sits in its pod (the `Pod` method that adds it).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Place {
    App,
    Init,
    Sidecar,
    ClassicSidecar,
    Ambassador,
    ClassicAmbassador,
    Adapter,
    ClassicAdapter,
}

const PLACES: &[Place] = &[
    Place::App,
    Place::Init,
    Place::Sidecar,
    Place::ClassicSidecar,
    Place::Ambassador,
    Place::ClassicAmbassador,
    Place::Adapter,
    Place::ClassicAdapter,
];

/// A container before the pod resolves its name (unique in the pod), its mounts (of the pod's
/// volumes) and its probes' ports (its own ports).
#[derive(Debug, Clone)]
struct ContainerDraft {
    place: Place,
    name: String,
    image: String,
    pull_policy: Option<ImagePullPolicy>,
    command: Option<Vec<String>>,
    args: Option<Vec<String>>,
    working_dir: Option<String>,
    env: Vec<EnvVar>,
    env_from: Vec<(bool, String, Option<String>)>,
    ports: Vec<(u16, Option<String>, Protocol)>,
    probes: [Option<(Action, Timing)>; 3],
    hooks: [Option<Hook>; 2],
    cpu: Option<(String, String)>,
    memory: Option<(String, String)>,
    mounts: Vec<(usize, String, bool)>,
    termination_message_path: Option<String>,
}

fn container_draft() -> BoxedStrategy<ContainerDraft> {
    let process = (
        select(PLACES),
        dns_label(),
        select(IMAGES),
        prop::option::of(select(ImagePullPolicy::ALL)),
        prop::option::of(command()),
        prop::option::of(command()),
        prop::option::of(non_empty_text().prop_map(|t| format!("/work/{t}"))),
    );
    let environment = (
        prop::collection::vec(env_var(), 0..4),
        prop::collection::vec(
            (any::<bool>(), dns_subdomain(), prop::option::of(env_name())),
            0..2,
        ),
        prop::collection::vec(
            (
                1..=65535u16,
                prop::option::of(port_name()),
                select(Protocol::ALL),
            ),
            0..4,
        ),
    );
    let checks = (
        prop::option::of((action(true), timing())),
        prop::option::of((action(true), timing())),
        prop::option::of((action(true), timing())),
        prop::option::of(hook_strategy()),
        prop::option::of(hook_strategy()),
    );
    let rest = (
        prop::option::of(cpu()),
        prop::option::of(memory()),
        prop::collection::vec((any::<usize>(), non_empty_text(), any::<bool>()), 0..3),
        prop::option::of(non_empty_text().prop_map(|t| format!("/dev/{t}"))),
    );
    (process, environment, checks, rest)
        .prop_map(
            |(
                (place, name, image, pull_policy, command, args, working_dir),
                (env, env_from, ports),
                (liveness, readiness, startup, post_start, pre_stop),
                (cpu, memory, mounts, termination_message_path),
            )| ContainerDraft {
                place,
                name,
                image: image.to_owned(),
                pull_policy,
                command,
                args,
                working_dir,
                env,
                env_from,
                ports,
                probes: [liveness, readiness, startup],
                hooks: [post_start, pre_stop],
                cpu,
                memory,
                mounts,
                termination_message_path,
            },
        )
        .boxed()
}

impl ContainerDraft {
    /// The container, named `name` (unique in the pod), mounting the pod's `volumes`.
    fn finish(&self, name: String, volumes: &[String]) -> Container {
        let mut c = Container::new(name).image(self.image.clone());
        if let Some(policy) = self.pull_policy {
            c = c.image_pull_policy(policy);
        }
        if let Some(command) = &self.command {
            c = c.command(command.clone());
        }
        if let Some(args) = &self.args {
            c = c.args(args.clone());
        }
        if let Some(dir) = &self.working_dir {
            c = c.working_dir(dir.clone());
        }
        for var in &self.env {
            c = c.env_var(var.clone());
        }
        for (secret, object, prefix) in &self.env_from {
            let from = if *secret {
                EnvFrom::secret(object.clone())
            } else {
                EnvFrom::config_map(object.clone())
            };
            c = c.env_from(match prefix {
                Some(prefix) => from.prefix(prefix.clone()),
                None => from,
            });
        }
        // Rule 21: port names are unique within the container; one port per number here.
        let mut names = BTreeSet::new();
        let mut numbers = BTreeSet::new();
        let mut ports: Vec<(i32, Option<String>)> = Vec::new();
        for (number, name, protocol) in &self.ports {
            if !numbers.insert(*number) {
                continue;
            }
            let mut port = ContainerPort::new(i32::from(*number)).protocol(*protocol);
            let name = name.clone().filter(|n| names.insert(n.clone()));
            if let Some(name) = &name {
                port = port.name(name.clone());
            }
            c = c.port(port);
            ports.push((i32::from(*number), name));
        }
        if self.place != Place::Init {
            // Rule 17: plain init containers have no probes or hooks.
            let [liveness, readiness, startup] = &self.probes;
            if let Some((action, timing)) = liveness {
                c = c.liveness_probe(probe(action, timing, false, &ports));
            }
            if let Some((action, timing)) = readiness {
                c = c.readiness_probe(probe(action, timing, true, &ports));
            }
            if let Some((action, timing)) = startup {
                c = c.startup_probe(probe(action, timing, false, &ports));
            }
            let [post_start, pre_stop] = &self.hooks;
            if let Some(h) = post_start {
                c = c.post_start(hook(h, &ports));
            }
            if let Some(h) = pre_stop {
                c = c.pre_stop(hook(h, &ports));
            }
        }
        if let Some((request, limit)) = &self.cpu {
            c = c.cpu(request.as_str(), limit.as_str());
        }
        if let Some((request, limit)) = &self.memory {
            c = c.memory(request.as_str(), limit.as_str());
        }
        // Rule 37: mounts name a declared volume and mount paths are unique.
        if !volumes.is_empty() {
            for (i, (volume, tail, read_only)) in self.mounts.iter().enumerate() {
                let Some(volume) = volumes.get(volume % volumes.len()) else {
                    continue;
                };
                let path = format!("/mnt/{i}/{tail}");
                c = if *read_only {
                    c.mount_read_only(volume.as_str(), path)
                } else {
                    c.mount(volume.as_str(), path)
                };
            }
        }
        if let Some(path) = &self.termination_message_path {
            c = c.termination_message_path(path.clone());
        }
        c
    }
}

/// A volume of the pod, named `name`.
#[derive(Debug, Clone)]
enum VolumeDraft {
    EmptyDir(bool, Option<String>),
    ConfigMap(String, Vec<(String, String)>, Option<i32>),
    Secret(String, Vec<(String, String)>, bool),
    Claim(String, bool),
    HostPath(String, Option<&'static str>),
}

fn volume_draft() -> BoxedStrategy<VolumeDraft> {
    let items = || prop::collection::vec((config_key(), relative_path()), 0..3);
    prop_oneof![
        (
            any::<bool>(),
            prop::option::of(select(&["64Mi", "1Gi", "500M", "1e9"][..]).prop_map(str::to_owned))
        )
            .prop_map(|(memory, size)| VolumeDraft::EmptyDir(memory, size)),
        (dns_subdomain(), items(), prop::option::of(0..=0o777i32))
            .prop_map(|(cm, items, mode)| VolumeDraft::ConfigMap(cm, items, mode)),
        (dns_subdomain(), items(), any::<bool>())
            .prop_map(|(secret, items, optional)| VolumeDraft::Secret(secret, items, optional)),
        (dns_subdomain(), any::<bool>()).prop_map(|(claim, ro)| VolumeDraft::Claim(claim, ro)),
        (
            relative_path(),
            prop::option::of(select(
                &["", "Directory", "DirectoryOrCreate", "File", "Socket"][..]
            ))
        )
            .prop_map(|(path, kind)| VolumeDraft::HostPath(format!("/var/{path}"), kind)),
    ]
    .boxed()
}

impl VolumeDraft {
    fn finish(&self, name: &str) -> Volume {
        match self {
            VolumeDraft::EmptyDir(memory, size) => {
                let mut v = Volume::empty_dir(name);
                if *memory {
                    v = v.medium(StorageMedium::Memory);
                }
                if let Some(size) = size {
                    v = v.size_limit(size.as_str());
                }
                v.into()
            }
            VolumeDraft::ConfigMap(cm, items, mode) => {
                let mut v = Volume::config_map(name, cm.clone()).items(items.clone());
                if let Some(mode) = mode {
                    v = v.default_mode(*mode);
                }
                v.into()
            }
            VolumeDraft::Secret(secret, items, optional) => {
                let v = Volume::secret(name, secret.clone()).items(items.clone());
                if *optional {
                    v.optional().into()
                } else {
                    v.into()
                }
            }
            VolumeDraft::Claim(claim, read_only) => {
                let v = Volume::persistent_volume_claim(name, claim.clone());
                if *read_only {
                    v.read_only().into()
                } else {
                    v.into()
                }
            }
            VolumeDraft::HostPath(path, kind) => {
                let v = Volume::host_path(name, path.clone());
                match kind {
                    Some(kind) => v.kind(*kind).into(),
                    None => v.into(),
                }
            }
        }
    }
}

/// A pod or pod template, before its containers are named and placed.
#[derive(Debug, Clone)]
struct PodDraft {
    labels: Vec<(String, String)>,
    annotations: Vec<(String, String)>,
    volumes: Vec<(String, VolumeDraft)>,
    first: ContainerDraft,
    others: Vec<ContainerDraft>,
    service_account: Option<String>,
    priority_class: Option<String>,
    hostname: Option<String>,
    node_selector: Vec<(String, String)>,
    grace_period: Option<u32>,
    image_pull_secrets: Vec<String>,
    role_annotations: bool,
}

fn pod_draft(template_labels: bool) -> BoxedStrategy<PodDraft> {
    let meta = (
        labels(template_labels),
        annotations(),
        prop::collection::vec((dns_label(), volume_draft()), 0..3),
    );
    let containers = (
        container_draft(),
        prop::collection::vec(container_draft(), 0..2),
    );
    let spec = (
        prop::option::of(dns_subdomain()),
        prop::option::of(dns_subdomain()),
        prop::option::of(dns_label()),
        prop::collection::vec((qualified_name(), label_value()), 0..3),
        prop::option::of(30..600u32),
        prop::collection::vec(dns_subdomain(), 0..2),
        any::<bool>(),
    );
    (meta, containers, spec)
        .prop_map(
            |(
                (labels, annotations, volumes),
                (first, others),
                (
                    service_account,
                    priority_class,
                    hostname,
                    node_selector,
                    grace_period,
                    image_pull_secrets,
                    role_annotations,
                ),
            )| PodDraft {
                labels,
                annotations,
                volumes,
                first,
                others,
                service_account,
                priority_class,
                hostname,
                node_selector,
                grace_period,
                image_pull_secrets,
                role_annotations,
            },
        )
        .boxed()
}

/// Makes `name` unique among `taken` (rule 7, rule 13) by a numeric suffix.
fn unique(name: &str, taken: &mut BTreeSet<String>) -> String {
    let mut candidate = name.to_owned();
    let mut n = 1;
    while !taken.insert(candidate.clone()) {
        candidate = format!("{name}-{n}");
        n += 1;
    }
    candidate
}

impl PodDraft {
    /// The pod builder: `Pod::new(name)`, or `Pod::template()` for a workload.
    fn finish(&self, pod: Pod) -> Pod {
        let mut pod = pod
            .labels(self.labels.clone())
            .annotations(self.annotations.clone());
        let mut volume_names = BTreeSet::new();
        let mut volumes = Vec::new();
        for (name, draft) in &self.volumes {
            let name = unique(name, &mut volume_names);
            pod = pod.volume(draft.finish(&name));
            volumes.push(name);
        }
        let mut container_names = BTreeSet::new();
        // Rule 12: the first container is always an app container.
        let first = self
            .first
            .finish(unique(&self.first.name, &mut container_names), &volumes);
        pod = pod.container(first);
        for draft in &self.others {
            let c = draft.finish(unique(&draft.name, &mut container_names), &volumes);
            pod = match draft.place {
                Place::App => pod.container(c),
                Place::Init => pod.init_container(c),
                Place::Sidecar => pod.sidecar(c),
                Place::ClassicSidecar => pod.classic_sidecar(c),
                Place::Ambassador => pod.ambassador(c),
                Place::ClassicAmbassador => pod.classic_ambassador(c),
                Place::Adapter => pod.adapter(c),
                Place::ClassicAdapter => pod.classic_adapter(c),
            };
        }
        if let Some(name) = &self.service_account {
            pod = pod.service_account_name(name.clone());
        }
        if let Some(name) = &self.priority_class {
            pod = pod.priority_class_name(name.clone());
        }
        if let Some(name) = &self.hostname {
            pod = pod.hostname(name.clone());
        }
        for (key, value) in &self.node_selector {
            pod = pod.node_selector(key.clone(), value.clone());
        }
        if let Some(secs) = self.grace_period {
            pod = pod.termination_grace_period(Duration::seconds(secs));
        }
        for name in &self.image_pull_secrets {
            pod = pod.image_pull_secret(name.clone());
        }
        if self.role_annotations {
            pod = pod.role_annotations();
        }
        pod
    }
}

/// Arbitrary valid Pods (a namespace now and then).
pub fn pods() -> BoxedStrategy<Pod> {
    (
        dns_subdomain(),
        prop::option::of(dns_label()),
        pod_draft(false),
    )
        .prop_map(|(name, namespace, draft)| {
            let pod = draft.finish(Pod::new(name));
            match namespace {
                Some(namespace) => pod.namespace(namespace),
                None => pod,
            }
        })
        .boxed()
}

/// The settings of a Job that CronJobs share.
#[derive(Debug, Clone)]
struct JobDraft {
    labels: Vec<(String, String)>,
    annotations: Vec<(String, String)>,
    template: PodDraft,
    on_failure: bool,
    completions: Option<i32>,
    parallelism: Option<i32>,
    backoff_limit: Option<i32>,
    active_deadline: Option<Parsed<Duration>>,
    ttl: Option<Parsed<Duration>>,
    suspend: Option<bool>,
}

fn job_draft() -> BoxedStrategy<JobDraft> {
    (
        (
            labels(false),
            annotations(),
            pod_draft(false),
            any::<bool>(),
        ),
        (
            prop::option::of(0..20i32),
            prop::option::of(0..20i32),
            prop::option::of(0..10i32),
            prop::option::of(duration(86_400)),
            prop::option::of(duration(86_400)),
            any::<Option<bool>>(),
        ),
    )
        .prop_map(
            |(
                (labels, annotations, template, on_failure),
                (completions, parallelism, backoff_limit, active_deadline, ttl, suspend),
            )| JobDraft {
                labels,
                annotations,
                template,
                on_failure,
                completions,
                parallelism,
                backoff_limit,
                active_deadline,
                ttl,
                suspend,
            },
        )
        .boxed()
}

impl JobDraft {
    fn finish(&self, job: Job) -> Job {
        let mut job = job
            .template(self.template.finish(Pod::template()))
            .restart_policy(if self.on_failure {
                JobRestartPolicy::OnFailure
            } else {
                JobRestartPolicy::Never
            });
        for (key, value) in &self.labels {
            job = job.label(key.clone(), value.clone());
        }
        for (key, value) in &self.annotations {
            job = job.annotation(key.clone(), value.clone());
        }
        if let Some(n) = self.completions {
            job = job.completions(n);
        }
        if let Some(n) = self.parallelism {
            job = job.parallelism(n);
        }
        if let Some(n) = self.backoff_limit {
            job = job.backoff_limit(n);
        }
        if let Some(d) = &self.active_deadline {
            job = job.active_deadline(d.clone());
        }
        if let Some(d) = &self.ttl {
            job = job.ttl_after_finished(d.clone());
        }
        if let Some(suspend) = self.suspend {
            job = job.suspend(suspend);
        }
        job
    }
}

/// Arbitrary valid Jobs.
pub fn jobs() -> BoxedStrategy<Job> {
    (dns_subdomain(), job_draft())
        .prop_map(|(name, draft)| draft.finish(Job::new(name)))
        .boxed()
}

/// Arbitrary valid CronJobs (names of at most 52 characters, rule 4).
pub fn cron_jobs() -> BoxedStrategy<CronJob> {
    (
        (dns_subdomain(), select(SCHEDULES), job_draft()),
        (
            prop::option::of(select(TIME_ZONES)),
            prop::option::of(select(ConcurrencyPolicy::ALL)),
            prop::option::of(duration(3600)),
            any::<Option<bool>>(),
            prop::option::of(0..10i32),
            prop::option::of(0..10i32),
            labels(false),
        ),
    )
        .prop_map(
            |(
                (name, schedule, job),
                (zone, concurrency, deadline, suspend, ok, failed, labels),
            )| {
                let name: String = name.chars().take(52).collect();
                let name = name.trim_end_matches(['-', '.']).to_owned();
                let mut cron = CronJob::new(name, schedule).job(job.finish(Job::unnamed()));
                if let Some(zone) = zone {
                    cron = cron.time_zone(zone);
                }
                if let Some(policy) = concurrency {
                    cron = cron.concurrency_policy(policy);
                }
                if let Some(deadline) = deadline {
                    cron = cron.starting_deadline(deadline);
                }
                if let Some(suspend) = suspend {
                    cron = cron.suspend(suspend);
                }
                if let Some(n) = ok {
                    cron = cron.successful_jobs_history_limit(n);
                }
                if let Some(n) = failed {
                    cron = cron.failed_jobs_history_limit(n);
                }
                for (key, value) in labels {
                    cron = cron.label(key, value);
                }
                cron
            },
        )
        .boxed()
}

/// `maxSurge` and `maxUnavailable` of a rolling update, not both zero.
fn rolling_update() -> BoxedStrategy<RollingUpdate> {
    let surge = prop_oneof![
        (1..5i32).prop_map(|n| n.to_string()),
        (1..=100i32).prop_map(|p| format!("{p}%")),
    ];
    let unavailable = prop_oneof![
        (0..5i32).prop_map(|n| n.to_string()),
        (0..=100i32).prop_map(|p| format!("{p}%")),
    ];
    (prop::option::of(surge), prop::option::of(unavailable))
        .prop_map(|(surge, unavailable)| {
            let mut update = DeploymentStrategy::rolling_update();
            if let Some(surge) = surge {
                update = match surge.parse::<i32>() {
                    Ok(n) => update.max_surge(n),
                    Err(_) => update.max_surge(surge),
                };
            }
            if let Some(unavailable) = unavailable {
                update = match unavailable.parse::<i32>() {
                    Ok(n) => update.max_unavailable(n),
                    Err(_) => update.max_unavailable(unavailable),
                };
            }
            update
        })
        .boxed()
}

/// Arbitrary valid Deployments (the selector is derived from the template labels).
pub fn deployments() -> BoxedStrategy<Deployment> {
    (
        (
            dns_subdomain(),
            pod_draft(true),
            labels(false),
            annotations(),
        ),
        (
            prop::option::of(0..10i32),
            prop::option::of(prop::option::of(rolling_update())),
            prop::option::of(0..600u32),
            prop::option::of(1..600u32),
            prop::option::of(0..20i32),
            any::<Option<bool>>(),
        ),
    )
        .prop_map(
            |(
                (name, template, labels, annotations),
                (replicas, strategy, min_ready, extra_deadline, history, paused),
            )| {
                let mut d = Deployment::new(name).template(template.finish(Pod::template()));
                for (key, value) in labels {
                    d = d.label(key, value);
                }
                for (key, value) in annotations {
                    d = d.annotation(key, value);
                }
                if let Some(n) = replicas {
                    d = d.replicas(n);
                }
                match strategy {
                    Some(Some(update)) => d = d.strategy(update),
                    Some(None) => d = d.strategy(DeploymentStrategy::Recreate),
                    None => {}
                }
                if let Some(secs) = min_ready {
                    d = d.min_ready(Duration::seconds(secs));
                }
                if let Some(extra) = extra_deadline {
                    // Rule 65: the progress deadline exceeds minReadySeconds.
                    d = d.progress_deadline(Duration::seconds(min_ready.unwrap_or(0) + extra));
                }
                if let Some(n) = history {
                    d = d.revision_history_limit(n);
                }
                if let Some(paused) = paused {
                    d = d.paused(paused);
                }
                d
            },
        )
        .boxed()
}

/// The constructor of a Service.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ServiceKind {
    Default,
    ClusterIp,
    NodePort,
    LoadBalancer,
    Headless,
    ExternalName,
}

/// Arbitrary valid Services of every kind.
pub fn services() -> BoxedStrategy<Service> {
    let kind = select(
        &[
            ServiceKind::Default,
            ServiceKind::ClusterIp,
            ServiceKind::NodePort,
            ServiceKind::LoadBalancer,
            ServiceKind::Headless,
            ServiceKind::ExternalName,
        ][..],
    );
    let port = (
        1..=65535u16,
        prop::option::of(port_name()),
        prop::option::of(prop_oneof![
            (1..=65535u16).prop_map(|n| PortRef::from(i32::from(n))),
            port_name().prop_map(PortRef::from),
        ]),
        select(Protocol::ALL),
        30000..=32767i32,
        prop::option::of(either(
            &["http", "https", "kubernetes.io/h2c", "on", "yes"][..],
            "[a-z]{1,8}",
        )),
    );
    (
        (
            either(HOSTILE_DNS1035, "[a-z]([-a-z0-9]{0,14}[a-z0-9])?"),
            kind,
            dns_subdomain(),
            labels(false),
            annotations(),
        ),
        (
            prop::collection::vec((qualified_name(), label_value()), 0..3),
            prop::collection::vec(port, 0..4),
            any::<bool>(),
            prop::option::of(select(SessionAffinity::ALL)),
            prop::option::of(select(ExternalTrafficPolicy::ALL)),
            prop::collection::vec(select(&["10.0.0.0/8", "192.168.1.0/24", "::/0"][..]), 0..2),
            any::<Option<bool>>(),
        ),
    )
        .prop_map(
            |(
                (name, kind, external, labels, annotations),
                (selector, ports, node_ports, affinity, traffic, ranges, publish),
            )| {
                let mut s = match kind {
                    ServiceKind::Default => Service::new(name),
                    ServiceKind::ClusterIp => Service::cluster_ip(name),
                    ServiceKind::NodePort => Service::node_port(name),
                    ServiceKind::LoadBalancer => Service::load_balancer(name),
                    ServiceKind::Headless => Service::headless(name),
                    ServiceKind::ExternalName => Service::external_name(name, external),
                };
                for (key, value) in labels {
                    s = s.label(key, value);
                }
                for (key, value) in annotations {
                    s = s.annotation(key, value);
                }
                if kind != ServiceKind::ExternalName {
                    for (key, value) in selector {
                        s = s.selector(key, value);
                    }
                }
                let external_kind =
                    matches!(kind, ServiceKind::NodePort | ServiceKind::LoadBalancer);
                // Rules 49-51: one port at least (unless headless or ExternalName), every
                // port named when there are several, unique names, (protocol, port) pairs and
                // node ports, no kubelet port on a load balancer.
                let several = ports.len() > 1;
                let mut names = BTreeSet::new();
                let mut pairs = BTreeSet::new();
                let mut node_port_pairs = BTreeSet::new();
                let mut count = 0;
                for (i, (number, name, target, protocol, node_port, app_protocol)) in
                    ports.into_iter().enumerate()
                {
                    if kind == ServiceKind::LoadBalancer && number == 10250 {
                        continue;
                    }
                    if !pairs.insert((protocol.as_str(), number)) {
                        continue;
                    }
                    let mut port = ServicePort::new(i32::from(number)).protocol(protocol);
                    let name = match name {
                        Some(name) if names.insert(name.clone()) => Some(name),
                        _ if several => Some(unique(&format!("p{i}"), &mut names)),
                        _ => None,
                    };
                    if let Some(name) = name {
                        port = port.name(name);
                    }
                    if let Some(target) = target {
                        port = port.target(target);
                    }
                    if external_kind
                        && node_ports
                        && node_port_pairs.insert((protocol.as_str(), node_port))
                    {
                        port = port.node_port(node_port);
                    }
                    if let Some(app_protocol) = app_protocol {
                        port = port.app_protocol(app_protocol);
                    }
                    s = s.port(port);
                    count += 1;
                }
                if count == 0 && !matches!(kind, ServiceKind::Headless | ServiceKind::ExternalName)
                {
                    s = s.port(ServicePort::tcp(80));
                }
                if let Some(affinity) = affinity {
                    s = s.session_affinity(affinity);
                }
                if external_kind {
                    if let Some(traffic) = traffic {
                        s = s.external_traffic_policy(traffic);
                    }
                }
                if kind == ServiceKind::LoadBalancer {
                    for range in ranges {
                        s = s.load_balancer_source_range(range);
                    }
                }
                if let Some(publish) = publish {
                    s = s.publish_not_ready_addresses(publish);
                }
                s
            },
        )
        .boxed()
}

/// One generated object, as its builder (boxed: the builders differ much in size).
#[derive(Debug, Clone)]
pub enum Manifest {
    /// A Pod.
    Pod(Box<Pod>),
    /// A Job.
    Job(Box<Job>),
    /// A CronJob.
    CronJob(Box<CronJob>),
    /// A Deployment.
    Deployment(Box<Deployment>),
    /// A Service.
    Service(Box<Service>),
}

/// A built object: the k8s-openapi value, serialized as itself.
// The variants differ in size, and the values are few and short-lived: no boxing.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum Built {
    /// A Pod.
    Pod(core::Pod),
    /// A Job.
    Job(batch::Job),
    /// A CronJob.
    CronJob(batch::CronJob),
    /// A Deployment.
    Deployment(apps::Deployment),
    /// A Service.
    Service(core::Service),
}

impl Manifest {
    /// Builds the object: `Ok` for every generated manifest (they are all valid).
    pub fn build(self) -> Result<Built, Errors> {
        Ok(match self {
            Manifest::Pod(b) => Built::Pod((*b).build()?),
            Manifest::Job(b) => Built::Job((*b).build()?),
            Manifest::CronJob(b) => Built::CronJob((*b).build()?),
            Manifest::Deployment(b) => Built::Deployment((*b).build()?),
            Manifest::Service(b) => Built::Service((*b).build()?),
        })
    }
}

impl Built {
    /// [`check_round_trip`] on the object, in its own k8s-openapi type.
    pub fn check_round_trip(&self) -> Result<(), String> {
        match self {
            Built::Pod(o) => check_round_trip(o),
            Built::Job(o) => check_round_trip(o),
            Built::CronJob(o) => check_round_trip(o),
            Built::Deployment(o) => check_round_trip(o),
            Built::Service(o) => check_round_trip(o),
        }
    }
}

/// Any of the five kinds, equally often.
pub fn manifests() -> BoxedStrategy<Manifest> {
    prop_oneof![
        pods().prop_map(|b| Manifest::Pod(Box::new(b))),
        jobs().prop_map(|b| Manifest::Job(Box::new(b))),
        cron_jobs().prop_map(|b| Manifest::CronJob(Box::new(b))),
        deployments().prop_map(|b| Manifest::Deployment(Box::new(b))),
        services().prop_map(|b| Manifest::Service(Box::new(b))),
    ]
    .boxed()
}

/// The round trip of one built object: its YAML (`k8s_dsl::emit::to_yaml`) and JSON
/// (`k8s_dsl::emit::to_json`) read back through serde_yaml and serde_json are equal to it, as
/// the k8s-openapi type and as an untyped tree (the typed reader would accept a string written
/// as a plain `yes` or `12`; the untyped one does not).
pub fn check_round_trip<T>(object: &T) -> Result<(), String>
where
    T: Serialize + DeserializeOwned + PartialEq + Debug,
{
    let tree = serde_json::to_value(object).map_err(|e| format!("to_value failed: {e}"))?;
    let yaml = k8s_dsl::emit::to_yaml(object).map_err(|e| format!("to_yaml failed: {e}"))?;
    let back: T = serde_yaml::from_str(&yaml)
        .map_err(|e| format!("serde_yaml cannot read the YAML back: {e}\n{yaml}"))?;
    if back != *object {
        return Err(format!("the YAML reads back as another object:\n{yaml}"));
    }
    let back: serde_json::Value = serde_yaml::from_str(&yaml)
        .map_err(|e| format!("serde_yaml cannot read the YAML back as a tree: {e}\n{yaml}"))?;
    if back != tree {
        return Err(format!("the YAML reads back as another tree:\n{yaml}"));
    }
    let json = k8s_dsl::emit::to_json(object).map_err(|e| format!("to_json failed: {e}"))?;
    let back: T = serde_json::from_str(&json)
        .map_err(|e| format!("serde_json cannot read the JSON back: {e}\n{json}"))?;
    if back != *object {
        return Err(format!("the JSON reads back as another object:\n{json}"));
    }
    Ok(())
}
