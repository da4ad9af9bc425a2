//! Lifecycle hooks: what runs right after a container starts (`postStart`) and before it is
//! stopped (`preStop`). Rules 24-26.

use k8s_openapi::api::core::v1 as api;

use crate::rules::duration::Duration;
use crate::rules::enums::Scheme;
use crate::validate::{At, Report};
use crate::value::{Parsed, PortRef};

use super::port::DeclaredPorts;
use super::probe::action::{self, HttpOptions};
use super::PodContext;

/// The grace period the API server gives a pod that does not set one (the upper bound of a
/// `sleep` hook then, rule 26).
pub(crate) const DEFAULT_TERMINATION_GRACE_PERIOD_SECONDS: i64 = 30;

/// A lifecycle hook handler: a command, an HTTP GET, a TCP connection or a sleep.
///
/// A hook has one handler, given by its constructor; the `with_*` methods add another only so
/// that a manifest with two (which the API server rejects, rule 24) is reported by `build()`.
///
/// ```
/// use k8s_dsl::prelude::*;
///
/// let container = Container::new("random-generator")
///     .image("k8spatterns/random-generator:1.0")
///     .post_start(Handler::exec([
///         "sh",
///         "-c",
///         "sleep 30 && echo \"Wake up!\" > /tmp/postStart_done",
///     ]))
///     .pre_stop(Handler::http_get("/shutdown", 8080));
/// # let _ = container;
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Handler {
    actions: Vec<HookAction>,
    http: HttpOptions,
}

/// One action of a hook; a [`Handler`] should hold exactly one (rule 24).
#[derive(Debug, Clone, PartialEq)]
enum HookAction {
    Exec(Vec<String>),
    HttpGet { path: String, port: PortRef },
    TcpSocket(PortRef),
    Sleep(Parsed<Duration>),
}

impl HookAction {
    /// The rank in which `validateHandler` visits this action, and its field name.
    fn kind(&self) -> (u8, &'static str) {
        match self {
            HookAction::Exec(_) => (0, "exec"),
            HookAction::HttpGet { .. } => (1, "httpGet"),
            HookAction::TcpSocket(_) => (2, "tcpSocket"),
            HookAction::Sleep(_) => (3, "sleep"),
        }
    }
}

impl Handler {
    fn with_action(action: HookAction) -> Self {
        Handler {
            actions: vec![action],
            http: HttpOptions::default(),
        }
    }

    /// Runs `command` in the container (rule 25: not empty).
    pub fn exec<I, S>(command: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        Handler::with_action(HookAction::Exec(
            command.into_iter().map(Into::into).collect(),
        ))
    }

    /// An HTTP GET of `path` on `port` (a number or a port name the container declares).
    pub fn http_get(path: impl Into<String>, port: impl Into<PortRef>) -> Self {
        Handler::with_action(HookAction::HttpGet {
            path: path.into(),
            port: port.into(),
        })
    }

    /// A TCP connection to `port`. The API server accepts it for compatibility, but the kubelet
    /// does not run it as a hook, so `build()` warns.
    pub fn tcp_socket(port: impl Into<PortRef>) -> Self {
        Handler::with_action(HookAction::TcpSocket(port.into()))
    }

    /// Waits for `duration` (whole seconds). Rule 26: at most the pod's
    /// `terminationGracePeriodSeconds`, which is 30 s when the pod does not set it.
    /// Zero is allowed (Kubernetes 1.33+).
    pub fn sleep(duration: impl Into<Parsed<Duration>>) -> Self {
        Handler::with_action(HookAction::Sleep(duration.into()))
    }

    /// Adds a second action, a command (reported by `build()`, rule 24).
    pub fn with_exec<I, S>(mut self, command: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.actions.push(HookAction::Exec(
            command.into_iter().map(Into::into).collect(),
        ));
        self
    }

    /// Adds a second action, an HTTP GET (reported by `build()`, rule 24).
    pub fn with_http_get(mut self, path: impl Into<String>, port: impl Into<PortRef>) -> Self {
        self.actions.push(HookAction::HttpGet {
            path: path.into(),
            port: port.into(),
        });
        self
    }

    /// Adds a second action, a sleep (reported by `build()`, rule 24).
    pub fn with_sleep(mut self, duration: impl Into<Parsed<Duration>>) -> Self {
        self.actions.push(HookAction::Sleep(duration.into()));
        self
    }

    /// The scheme of an HTTP GET hook (default `HTTP`).
    pub fn http_scheme(mut self, scheme: Scheme) -> Self {
        self.http.scheme = Some(scheme);
        self
    }

    /// Adds a header to an HTTP GET hook (rule 25: a valid HTTP header name).
    pub fn http_header(mut self, name: impl Into<String>, value: impl Into<String>) -> Self {
        self.http.headers.push((name.into(), value.into()));
        self
    }

    /// The host an HTTP GET hook connects to (default: the pod IP).
    pub fn http_host(mut self, host: impl Into<String>) -> Self {
        self.http.host = Some(host.into());
        self
    }

    /// The k8s-openapi form, after checking rules 24-26. `path` is the hook's own path
    /// (`spec.containers[0].lifecycle.preStop`).
    pub(crate) fn to_k8s(
        &self,
        path: &At<'_>,
        ports: DeclaredPorts<'_>,
        ctx: &PodContext<'_>,
        report: &mut Report,
    ) -> api::LifecycleHandler {
        let mut out = api::LifecycleHandler::default();
        let has_http = self
            .actions
            .iter()
            .any(|a| matches!(a, HookAction::HttpGet { .. }));
        self.http.check_used(has_http, path, report);
        let kinds: Vec<(u8, &'static str)> = self.actions.iter().map(HookAction::kind).collect();
        let kept = action::one_handler(&kinds, path, report);
        let Some(kept) = kept.and_then(|i| self.actions.get(i)) else {
            return out;
        };
        match kept {
            HookAction::Exec(command) => {
                out.exec = Some(action::exec(command, &path.field("exec"), report));
            }
            HookAction::HttpGet {
                path: http_path,
                port,
            } => {
                let here = path.field("httpGet");
                out.http_get = Some(self.http.http_get(http_path, port, &here, ports, report));
            }
            HookAction::TcpSocket(port) => {
                let here = path.field("tcpSocket");
                report.warn(
                    &here,
                    "the kubelet does not run `tcpSocket` lifecycle hooks (the API keeps the field for compatibility); use `Handler::exec`, `Handler::http_get` or `Handler::sleep`",
                );
                out.tcp_socket = Some(action::tcp_socket(port, &here, ports, report));
            }
            HookAction::Sleep(duration) => {
                let here = path.field("sleep");
                if let Some(seconds) = action::seconds(duration, &here, report) {
                    check_sleep(seconds, &here, ctx, report);
                    out.sleep = Some(api::SleepAction { seconds });
                }
            }
        }
        out
    }
}

/// Rule 26 (`validateSleepAction`): a sleep may not outlast the pod's grace period. Since
/// Kubernetes 1.33 (`PodLifecycleSleepActionAllowZero`, GA in 1.34) zero is allowed, and
/// durations cannot be negative.
fn check_sleep(seconds: i64, path: &At<'_>, ctx: &PodContext<'_>, report: &mut Report) {
    let (grace, source) = match ctx.termination_grace_period_seconds {
        Some(grace) => (grace, "the pod's `terminationGracePeriodSeconds`"),
        None => (
            DEFAULT_TERMINATION_GRACE_PERIOD_SECONDS,
            "the default `terminationGracePeriodSeconds`",
        ),
    };
    if seconds > grace {
        report.error(
            path,
            26,
            format!("sleep of {seconds}s is longer than {source} ({grace}s)"),
            format!(
                "sleep at most {grace}s, or raise the pod's termination grace period to {seconds}s"
            ),
        );
    }
}
