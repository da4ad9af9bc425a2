//! Lifecycle hooks: what runs right after a container starts (`postStart`) and before it is
//! stopped (`preStop`). Rules 24-26.

use k8s_openapi::api::core::v1 as api;

use crate::rules::duration::Duration;
use crate::rules::enums::Scheme;
use crate::validate::{At, Report};
use crate::value::{Parsed, PortRef};

use super::probe::action::{self, HttpOptions};

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

    /// The k8s-openapi form, with every action given (rules 24-26 are checked with the pod
    /// spec, `validate::pod`). `path` is the hook's own path
    /// (`spec.containers[0].lifecycle.preStop`).
    pub(crate) fn to_k8s(&self, path: &At<'_>, report: &mut Report) -> api::LifecycleHandler {
        let mut out = api::LifecycleHandler::default();
        let has_http = self
            .actions
            .iter()
            .any(|a| matches!(a, HookAction::HttpGet { .. }));
        self.http.check_used(has_http, path, report);
        let fields = self.actions.iter().map(|a| match a {
            HookAction::Exec(_) => "exec",
            HookAction::HttpGet { .. } => "httpGet",
            HookAction::TcpSocket(_) => "tcpSocket",
            HookAction::Sleep(_) => "sleep",
        });
        action::repeated(fields, path, report);
        for action in &self.actions {
            match action {
                HookAction::Exec(command) => out.exec = Some(action::exec(command)),
                HookAction::HttpGet {
                    path: http_path,
                    port,
                } => {
                    let here = path.field("httpGet");
                    out.http_get = Some(self.http.http_get(http_path, port, &here, report));
                }
                HookAction::TcpSocket(port) => out.tcp_socket = Some(action::tcp_socket(port)),
                HookAction::Sleep(duration) => {
                    let here = path.field("sleep");
                    if let Some(seconds) = action::seconds(duration, &here, report) {
                        out.sleep = Some(api::SleepAction { seconds });
                    }
                }
            }
        }
        out
    }
}
