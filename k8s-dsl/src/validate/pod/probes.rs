//! A container's probes and lifecycle hooks (`validateInitContainers`, `validateProbe`,
//! `validateHandler`, `validateLifecycle`): which containers may have them (rule 17), one
//! handler each (rule 24), the actions (rule 25), sleep hooks (rule 26) and the timing fields
//! (rules 27-29).

use k8s_openapi::api::core::v1 as k8s;
use k8s_openapi::apimachinery::pkg::util::intstr::IntOrString;

use crate::rules::enums::Scheme;
use crate::rules::{ports, shown, suggest, Violation};
use crate::validate::{At, Report};

/// The grace period the API server gives a pod that does not set one (the upper bound of a
/// `sleep` hook then, rule 26).
const DEFAULT_TERMINATION_GRACE_PERIOD_SECONDS: i64 = 30;

/// Which probe of a container: the rules differ (rules 28, 29).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Liveness,
    Readiness,
    Startup,
}

impl Kind {
    fn field(self) -> &'static str {
        match self {
            Kind::Liveness => "livenessProbe",
            Kind::Readiness => "readinessProbe",
            Kind::Startup => "startupProbe",
        }
    }
}

/// Rules 17 and 24-29 for one container at `at`. `is_init` for `initContainers`; `grace` is the
/// pod's terminationGracePeriodSeconds (rule 26).
pub(crate) fn probes_and_hooks(
    at: &At<'_>,
    c: &k8s::Container,
    is_init: bool,
    grace: Option<i64>,
    report: &mut Report,
) {
    if is_init && c.restart_policy.as_deref() != Some("Always") {
        forbid(at, c, report);
        return;
    }
    let ports = Declared(c.ports.as_deref().unwrap_or_default());
    let probes = [
        (Kind::Liveness, &c.liveness_probe),
        (Kind::Readiness, &c.readiness_probe),
        (Kind::Startup, &c.startup_probe),
    ];
    for (kind, probe) in probes {
        if let Some(probe) = probe {
            self::probe(&at.field(kind.field()), probe, kind, ports, report);
        }
    }
    if let Some(lifecycle) = &c.lifecycle {
        let at = at.field("lifecycle");
        let grace = match grace {
            Some(grace) => (grace, "the pod's `terminationGracePeriodSeconds`"),
            None => (
                DEFAULT_TERMINATION_GRACE_PERIOD_SECONDS,
                "the default `terminationGracePeriodSeconds`",
            ),
        };
        let hooks = [
            ("postStart", &lifecycle.post_start),
            ("preStop", &lifecycle.pre_stop),
        ];
        for (field, hook) in hooks {
            if let Some(hook) = hook {
                handler(&at.field(field), hook, ports, grace, report);
            }
        }
    }
}

/// Rule 17: a plain init container may have no probes and no lifecycle hooks.
fn forbid(at: &At<'_>, c: &k8s::Container, report: &mut Report) {
    let set = [
        ("livenessProbe", c.liveness_probe.is_some()),
        ("readinessProbe", c.readiness_probe.is_some()),
        ("startupProbe", c.startup_probe.is_some()),
        ("lifecycle", c.lifecycle.is_some()),
    ];
    for (field, _) in set.iter().filter(|(_, present)| *present) {
        report.error(
            &at.field(field),
            17,
            format!("`{field}` may not be set for init containers without `restartPolicy: Always`"),
            "remove it, or run the container as a native sidecar (a restartable init container)",
        );
    }
}

/// One probe at `at`: its handler (rules 24, 25) and timing (rules 27-29).
fn probe(at: &At<'_>, p: &k8s::Probe, kind: Kind, ports: Declared<'_>, report: &mut Report) {
    let set = [
        ("exec", p.exec.is_some()),
        ("httpGet", p.http_get.is_some()),
        ("tcpSocket", p.tcp_socket.is_some()),
        ("grpc", p.grpc.is_some()),
    ];
    match (one_handler(&set, at, report), &p.tcp_socket, &p.grpc) {
        (Some("exec"), ..) => exec(at, p.exec.as_ref(), report),
        (Some("httpGet"), ..) => http_get(at, p.http_get.as_ref(), ports, report),
        (Some("tcpSocket"), Some(tcp), _) => {
            ports.check_ref(&tcp.port, &at.field("tcpSocket").field("port"), report);
        }
        (Some("grpc"), _, Some(grpc)) => {
            // rule 25: grpc.port must be a valid port number
            ports.check_number(grpc.port, &at.field("grpc").field("port"), report);
        }
        _ => {}
    }
    timing(at, p, kind, report);
}

/// Rules 27-29: the timing fields of a probe at `at`.
fn timing(at: &At<'_>, p: &k8s::Probe, kind: Kind, report: &mut Report) {
    let counts = [
        ("initialDelaySeconds", p.initial_delay_seconds),
        ("timeoutSeconds", p.timeout_seconds),
        ("periodSeconds", p.period_seconds),
        ("successThreshold", p.success_threshold),
        ("failureThreshold", p.failure_threshold),
    ];
    for (field, value) in counts {
        if let Some(value) = value {
            non_negative(value, &at.field(field), report);
        }
    }
    if let Some(n) = p.success_threshold {
        // rule 29: liveness and startup probes need successThreshold 1 (0 is defaulted to 1)
        if n > 1 && kind != Kind::Readiness {
            report.error(
                &at.field("successThreshold"),
                29,
                format!(
                    "`successThreshold` must be 1 for a {}, not {n}",
                    kind.field()
                ),
                "remove `.success_threshold(...)` or set it to 1",
            );
        }
    }
    if let Some(grace) = p.termination_grace_period_seconds {
        let here = at.field("terminationGracePeriodSeconds");
        if kind == Kind::Readiness {
            // rule 28: not allowed on readiness probes
            report.error(
                &here,
                28,
                "`terminationGracePeriodSeconds` is not allowed on a readinessProbe",
                "remove `.termination_grace_period(...)`; a failed readiness probe never kills the container",
            );
        }
        if grace <= 0 {
            // rule 28: must be greater than 0
            report.error(
                &here,
                28,
                "`terminationGracePeriodSeconds` must be greater than 0",
                "use at least 1 second, or remove it to use the pod's grace period",
            );
        }
    }
}

/// Reports a negative count (rule 27: probe durations and thresholds are non-negative).
fn non_negative(value: i32, at: &At<'_>, report: &mut Report) {
    if value < 0 {
        report.error(
            at,
            27,
            format!("{value} is negative"),
            "use 0 (the API default) or more",
        );
    }
}

/// One lifecycle hook at `at` (rules 24-26); `grace` is the bound of a sleep and its source.
fn handler(
    at: &At<'_>,
    h: &k8s::LifecycleHandler,
    ports: Declared<'_>,
    grace: (i64, &str),
    report: &mut Report,
) {
    let set = [
        ("exec", h.exec.is_some()),
        ("httpGet", h.http_get.is_some()),
        ("tcpSocket", h.tcp_socket.is_some()),
        ("sleep", h.sleep.is_some()),
    ];
    match (one_handler(&set, at, report), &h.tcp_socket, &h.sleep) {
        (Some("exec"), ..) => exec(at, h.exec.as_ref(), report),
        (Some("httpGet"), ..) => http_get(at, h.http_get.as_ref(), ports, report),
        (Some("tcpSocket"), Some(tcp), _) => {
            let here = at.field("tcpSocket");
            report.warn(
                &here,
                "the kubelet does not run `tcpSocket` lifecycle hooks (the API keeps the field for compatibility); use `Handler::exec`, `Handler::http_get` or `Handler::sleep`",
            );
            ports.check_ref(&tcp.port, &here.field("port"), report);
        }
        (Some("sleep"), _, Some(sleep)) => {
            sleep_action(sleep.seconds, &at.field("sleep"), grace, report);
        }
        _ => {}
    }
}

/// Rule 26 (`validateSleepAction`): a sleep may not outlast the pod's grace period. Since
/// Kubernetes 1.33 (`PodLifecycleSleepActionAllowZero`, GA in 1.34) zero is allowed.
fn sleep_action(seconds: i64, at: &At<'_>, (grace, source): (i64, &str), report: &mut Report) {
    if seconds < 0 {
        report.error(
            at,
            26,
            format!("sleep of {seconds}s is negative"),
            "sleep 0 seconds or more",
        );
    } else if seconds > grace {
        report.error(
            at,
            26,
            format!("sleep of {seconds}s is longer than {source} ({grace}s)"),
            format!(
                "sleep at most {grace}s, or raise the pod's termination grace period to {seconds}s"
            ),
        );
    }
}

/// Rule 24 (`validateHandler`): exactly one handler. `set` lists each handler field in the
/// order the API server visits them, and whether it is set; the first set one is kept and every
/// other one is reported at its own field. Returns the kept one's field.
fn one_handler(
    set: &[(&'static str, bool)],
    at: &At<'_>,
    report: &mut Report,
) -> Option<&'static str> {
    let mut present = set.iter().filter(|(_, is)| *is).map(|(f, _)| *f);
    let Some(kept) = present.next() else {
        report.error(at, 24, "must specify a handler type", "give it one handler");
        return None;
    };
    for field in present {
        // rule 24: "may not specify more than 1 handler type"
        report.error(
            &at.field(field),
            24,
            format!("may not specify more than 1 handler type; `{kept}` is already set"),
            format!("remove the `{field}` handler or the other one"),
        );
    }
    Some(kept)
}

/// Rule 25: the `exec` action of a probe or hook at `at` has a command.
fn exec(at: &At<'_>, exec: Option<&k8s::ExecAction>, report: &mut Report) {
    if exec.is_some_and(|e| e.command.as_ref().is_none_or(Vec::is_empty)) {
        report.error(
            &at.field("exec").field("command"),
            25,
            "exec command may not be empty",
            "give the command and its arguments, such as `[\"cat\", \"/tmp/ready\"]`",
        );
    }
}

/// Rule 25 for the `httpGet` action of a probe or hook at `at`: the port, scheme and headers.
fn http_get(
    at: &At<'_>,
    http: Option<&k8s::HTTPGetAction>,
    ports: Declared<'_>,
    report: &mut Report,
) {
    let Some(http) = http else {
        return;
    };
    let here = at.field("httpGet");
    ports.check_ref(&http.port, &here.field("port"), report);
    if let Some(scheme) = http.scheme.as_deref().filter(|s| !s.is_empty()) {
        // rule 25: HTTP or HTTPS (empty is defaulted to HTTP)
        report.check(&here.field("scheme"), scheme.parse::<Scheme>());
    }
    let headers = here.field("httpHeaders");
    for (i, header) in http.http_headers.iter().flatten().enumerate() {
        // rule 25: header names must be valid HTTP header names
        report.check(
            &headers.index(i).field("name"),
            ports::http_header_name(&header.name),
        );
    }
}

/// The ports a container declares, which its probes and hooks may name.
#[derive(Debug, Clone, Copy)]
struct Declared<'a>(&'a [k8s::ContainerPort]);

impl Declared<'_> {
    fn names(&self) -> impl Iterator<Item = &str> + '_ {
        self.0.iter().filter_map(|p| p.name.as_deref())
    }

    /// Checks a port a probe or hook targets (rule 25 for its syntax). A name must be declared
    /// by this container (an error that lists the declared names); a number that is not
    /// declared is only a warning, since a process may listen on a port nobody declared.
    fn check_ref(&self, port: &IntOrString, at: &At<'_>, report: &mut Report) {
        match port {
            IntOrString::Int(number) => self.check_number(*number, at, report),
            IntOrString::String(name) => {
                // rule 25: a port name must be a valid IANA_SVC_NAME
                if let Err(violation) = ports::port_name(name) {
                    report.violation(
                        at,
                        Violation {
                            rule: 25,
                            ..violation
                        },
                    );
                    return;
                }
                if !self.names().any(|n| n == name) {
                    report.violation(at, self.undeclared_name(name));
                }
            }
        }
    }

    /// Checks a port given by number: rule 25, and a warning when the container does not
    /// declare it.
    fn check_number(&self, number: i32, at: &At<'_>, report: &mut Report) {
        // rule 25: a port number must be 1-65535
        if let Err(violation) = ports::port_number(i64::from(number), "port") {
            report.violation(
                at,
                Violation {
                    rule: 25,
                    ..violation
                },
            );
            return;
        }
        if !self.0.iter().any(|p| p.container_port == number) {
            report.warn(
                at,
                format!(
                    "port {number} is not a declared container port; declare it with `.port(ContainerPort::new({number}))` so it is documented and reachable by name"
                ),
            );
        }
    }

    /// The error for a port name the container does not declare (a project rule, 0).
    fn undeclared_name(&self, name: &str) -> Violation {
        let declared: Vec<&str> = self.names().collect();
        let listed = declared
            .iter()
            .map(|n| shown(n))
            .collect::<Vec<_>>()
            .join(", ");
        let message = if declared.is_empty() {
            format!(
                "port name {} is not declared by this container, which names no ports",
                shown(name)
            )
        } else {
            format!(
                "port name {} is not declared by this container; declared port names: {listed}",
                shown(name),
            )
        };
        let fix = match suggest::did_you_mean(name, declared.iter().copied()) {
            Some(hint) => hint,
            None => format!(
                "add `.port(ContainerPort::new(<number>).name({}))` or refer to the port by number",
                shown(name)
            ),
        };
        Violation::new(0, message, fix)
    }
}
