//! Readiness, liveness and startup probes (rules 24-29).

pub(crate) mod action;

use k8s_openapi::api::core::v1 as api;

use crate::rules::duration::Duration;
use crate::rules::enums::Scheme;
use crate::validate::{At, Report};
use crate::value::{Parsed, PortRef};

use self::action::HttpOptions;

/// How the kubelet checks a container: by running a command, an HTTP GET, a TCP connection
/// or a gRPC health check.
///
/// A probe has one handler, given by its constructor. The `with_*` methods add another one
/// only so that a manifest with two handlers (which the API server rejects, rule 24) can be
/// written and reported by `build()`, as every other mistake is.
///
/// Durations are written as whole seconds; thresholds are counts.
///
/// ```
/// use k8s_dsl::prelude::*;
///
/// let ready = Probe::http_get("/api/ready", 8080)
///     .initial_delay(Duration::seconds(10))
///     .period(Duration::seconds(5))
///     .failure_threshold(8);
/// let alive = Probe::tcp_socket("http").period("10s");
/// let exec = Probe::exec(["cat", "/app/is_ready"]);
/// # let _ = (ready, alive, exec);
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Probe {
    handlers: Vec<ProbeHandler>,
    http: HttpOptions,
    grpc_service: Option<String>,
    initial_delay: Option<Parsed<Duration>>,
    period: Option<Parsed<Duration>>,
    timeout: Option<Parsed<Duration>>,
    success_threshold: Option<i32>,
    failure_threshold: Option<i32>,
    termination_grace_period: Option<Parsed<Duration>>,
}

/// One way to probe; a [`Probe`] should hold exactly one (rule 24).
#[derive(Debug, Clone, PartialEq)]
enum ProbeHandler {
    Exec(Vec<String>),
    HttpGet { path: String, port: PortRef },
    TcpSocket(PortRef),
    Grpc(i32),
}

/// Which probe of a container a [`Probe`] is: the rules differ (rules 28, 29).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ProbeKind {
    /// `livenessProbe`.
    Liveness,
    /// `readinessProbe`.
    Readiness,
    /// `startupProbe`.
    Startup,
}

impl ProbeKind {
    /// The container field that holds this probe.
    pub(crate) fn field(self) -> &'static str {
        match self {
            ProbeKind::Liveness => "livenessProbe",
            ProbeKind::Readiness => "readinessProbe",
            ProbeKind::Startup => "startupProbe",
        }
    }
}

impl Probe {
    fn with_handler(handler: ProbeHandler) -> Self {
        Probe {
            handlers: vec![handler],
            http: HttpOptions::default(),
            grpc_service: None,
            initial_delay: None,
            period: None,
            timeout: None,
            success_threshold: None,
            failure_threshold: None,
            termination_grace_period: None,
        }
    }

    /// An HTTP GET of `path` on `port` (a number, or the name of a port the container
    /// declares); any status from 200 to 399 is a success.
    pub fn http_get(path: impl Into<String>, port: impl Into<PortRef>) -> Self {
        Probe::with_handler(ProbeHandler::HttpGet {
            path: path.into(),
            port: port.into(),
        })
    }

    /// A TCP connection to `port` (a number or a declared port name).
    pub fn tcp_socket(port: impl Into<PortRef>) -> Self {
        Probe::with_handler(ProbeHandler::TcpSocket(port.into()))
    }

    /// Runs `command` in the container; exit status 0 is a success (rule 25: not empty).
    pub fn exec<I, S>(command: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        Probe::with_handler(ProbeHandler::Exec(
            command.into_iter().map(Into::into).collect(),
        ))
    }

    /// A gRPC health check on `port` (a number: gRPC probes cannot name a port).
    pub fn grpc(port: i32) -> Self {
        Probe::with_handler(ProbeHandler::Grpc(port))
    }

    /// Adds a second handler, an HTTP GET. The API server accepts one handler per probe, so
    /// `build()` reports this (rule 24); it exists so such a manifest can be written and checked.
    pub fn with_http_get(mut self, path: impl Into<String>, port: impl Into<PortRef>) -> Self {
        self.handlers.push(ProbeHandler::HttpGet {
            path: path.into(),
            port: port.into(),
        });
        self
    }

    /// Adds a second handler, a TCP connection (reported by `build()`, rule 24).
    pub fn with_tcp_socket(mut self, port: impl Into<PortRef>) -> Self {
        self.handlers.push(ProbeHandler::TcpSocket(port.into()));
        self
    }

    /// Adds a second handler, a command (reported by `build()`, rule 24).
    pub fn with_exec<I, S>(mut self, command: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.handlers.push(ProbeHandler::Exec(
            command.into_iter().map(Into::into).collect(),
        ));
        self
    }

    /// Adds a second handler, a gRPC check (reported by `build()`, rule 24).
    pub fn with_grpc(mut self, port: i32) -> Self {
        self.handlers.push(ProbeHandler::Grpc(port));
        self
    }

    /// The gRPC service name to check (gRPC probes only).
    pub fn service(mut self, name: impl Into<String>) -> Self {
        self.grpc_service = Some(name.into());
        self
    }

    /// The scheme of an HTTP GET probe (default `HTTP`).
    pub fn http_scheme(mut self, scheme: Scheme) -> Self {
        self.http.scheme = Some(scheme);
        self
    }

    /// Adds a header to an HTTP GET probe (rule 25: a valid HTTP header name).
    pub fn http_header(mut self, name: impl Into<String>, value: impl Into<String>) -> Self {
        self.http.headers.push((name.into(), value.into()));
        self
    }

    /// The host an HTTP GET probe connects to (default: the pod IP).
    pub fn http_host(mut self, host: impl Into<String>) -> Self {
        self.http.host = Some(host.into());
        self
    }

    /// How long after the container starts the first probe runs (`initialDelaySeconds`).
    pub fn initial_delay(mut self, delay: impl Into<Parsed<Duration>>) -> Self {
        self.initial_delay = Some(delay.into());
        self
    }

    /// How often the probe runs (`periodSeconds`; the API default is 10 s).
    pub fn period(mut self, period: impl Into<Parsed<Duration>>) -> Self {
        self.period = Some(period.into());
        self
    }

    /// How long one probe may take (`timeoutSeconds`; the API default is 1 s).
    pub fn timeout(mut self, timeout: impl Into<Parsed<Duration>>) -> Self {
        self.timeout = Some(timeout.into());
        self
    }

    /// Successes in a row that count as success after a failure (rule 27: ≥0; rule 29: must
    /// be 1 for liveness and startup probes).
    pub fn success_threshold(mut self, count: i32) -> Self {
        self.success_threshold = Some(count);
        self
    }

    /// Failures in a row that count as failure (rule 27: ≥0; the API default is 3).
    pub fn failure_threshold(mut self, count: i32) -> Self {
        self.failure_threshold = Some(count);
        self
    }

    /// The grace period for a container killed by this probe, overriding the pod's (rule 28:
    /// more than 0 s, and not on a readiness probe).
    pub fn termination_grace_period(mut self, period: impl Into<Parsed<Duration>>) -> Self {
        self.termination_grace_period = Some(period.into());
        self
    }

    /// The k8s-openapi form; rules 24-29 are checked with the pod spec (`validate::pod`).
    /// `path` is the probe's own path (`spec.containers[0].livenessProbe`).
    pub(crate) fn to_k8s(&self, path: &At<'_>, report: &mut Report) -> api::Probe {
        let mut probe = api::Probe::default();
        self.handler_to_k8s(&mut probe, path, report);
        self.timing_to_k8s(&mut probe, path, report);
        probe
    }

    /// Writes every handler given (rule 24 reports more than one).
    #[allow(clippy::needless_update)] // the fields differ between Kubernetes versions
    fn handler_to_k8s(&self, probe: &mut api::Probe, path: &At<'_>, report: &mut Report) {
        let has_http = self
            .handlers
            .iter()
            .any(|h| matches!(h, ProbeHandler::HttpGet { .. }));
        self.http.check_used(has_http, path, report);
        let has_grpc = self
            .handlers
            .iter()
            .any(|h| matches!(h, ProbeHandler::Grpc(_)));
        if self.grpc_service.is_some() && !has_grpc {
            report.error(
                path,
                0,
                "`service` applies to a `grpc` handler, and there is none",
                "remove `.service(...)` or use `Probe::grpc(port)`",
            );
        }
        let fields = self.handlers.iter().map(|h| match h {
            ProbeHandler::Exec(_) => "exec",
            ProbeHandler::HttpGet { .. } => "httpGet",
            ProbeHandler::TcpSocket(_) => "tcpSocket",
            ProbeHandler::Grpc(_) => "grpc",
        });
        action::repeated(fields, path, report);
        for handler in &self.handlers {
            match handler {
                ProbeHandler::Exec(command) => probe.exec = Some(action::exec(command)),
                ProbeHandler::HttpGet {
                    path: http_path,
                    port,
                } => {
                    let here = path.field("httpGet");
                    probe.http_get = Some(self.http.http_get(http_path, port, &here, report));
                }
                ProbeHandler::TcpSocket(port) => probe.tcp_socket = Some(action::tcp_socket(port)),
                ProbeHandler::Grpc(port) => {
                    probe.grpc = Some(api::GRPCAction {
                        port: *port,
                        service: self.grpc_service.clone(),
                        // newer Kubernetes versions add fields
                        ..api::GRPCAction::default()
                    });
                }
            }
        }
    }

    /// Writes the timing fields (their rules, 27-29, are checked with the pod spec).
    fn timing_to_k8s(&self, probe: &mut api::Probe, path: &At<'_>, report: &mut Report) {
        // rule 27: the durations are non-negative by type; they must fit the i32 fields
        let secs = |d: &Option<Parsed<Duration>>, field: &str, report: &mut Report| {
            d.as_ref()
                .and_then(|d| action::seconds_i32(d, &path.field(field), 27, report))
        };
        probe.initial_delay_seconds = secs(&self.initial_delay, "initialDelaySeconds", report);
        probe.period_seconds = secs(&self.period, "periodSeconds", report);
        probe.timeout_seconds = secs(&self.timeout, "timeoutSeconds", report);
        probe.failure_threshold = self.failure_threshold;
        probe.success_threshold = self.success_threshold;
        probe.termination_grace_period_seconds =
            self.termination_grace_period.as_ref().and_then(|grace| {
                let here = path.field("terminationGracePeriodSeconds");
                action::seconds(grace, &here, report)
            });
    }
}
