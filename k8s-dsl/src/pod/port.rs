//! The ports a container declares, and references to them from probes and hooks.
//!
//! Rules 20-23 (port numbers, names, protocols, host network) are checked here, and so is the
//! project's reference rule: a probe or hook that names a port must name one the container
//! declares.

use k8s_openapi::api::core::v1 as api;

use crate::rules::enums::Protocol;
use crate::rules::{ports, shown, suggest, Violation};
use crate::validate::{At, Report};
use crate::value::PortRef;

/// A port a container listens on (`spec.containers[].ports[]`).
///
/// The protocol is emitted only when it is set explicitly: [`ContainerPort::new`] leaves it
/// out (the API server defaults it to `TCP`), while [`ContainerPort::tcp`],
/// [`ContainerPort::udp`], [`ContainerPort::sctp`] and [`ContainerPort::protocol`] write it.
///
/// ```
/// use k8s_dsl::prelude::*;
///
/// let metrics = ContainerPort::tcp(9113).name("metrics");
/// let dns = ContainerPort::udp(53).name("dns");
/// let plain = ContainerPort::new(8080); // no `protocol` in the output
/// # let _ = (metrics, dns, plain);
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct ContainerPort {
    port: i32,
    protocol: Option<Protocol>,
    name: Option<String>,
    host_port: Option<i32>,
    host_ip: Option<String>,
}

impl ContainerPort {
    /// A port without an explicit protocol (the API server defaults it to `TCP`).
    /// The number is checked in `build()` (rule 20: 1-65535).
    pub fn new(port: i32) -> Self {
        ContainerPort {
            port,
            protocol: None,
            name: None,
            host_port: None,
            host_ip: None,
        }
    }

    /// A port with `protocol: TCP` written explicitly.
    pub fn tcp(port: i32) -> Self {
        ContainerPort::new(port).protocol(Protocol::Tcp)
    }

    /// A port with `protocol: UDP`.
    pub fn udp(port: i32) -> Self {
        ContainerPort::new(port).protocol(Protocol::Udp)
    }

    /// A port with `protocol: SCTP`.
    pub fn sctp(port: i32) -> Self {
        ContainerPort::new(port).protocol(Protocol::Sctp)
    }

    /// Sets the protocol explicitly (rule 22).
    pub fn protocol(mut self, protocol: Protocol) -> Self {
        self.protocol = Some(protocol);
        self
    }

    /// Names the port (rule 21: an IANA service name such as `http`, unique within the
    /// container). Probes, hooks and Services can then refer to it by name.
    pub fn name(mut self, name: impl Into<String>) -> Self {
        self.name = Some(name.into());
        self
    }

    /// Exposes the port on the node's IP at `port` (rule 20; with `hostNetwork` it must equal
    /// the container port, rule 23).
    pub fn host_port(mut self, port: i32) -> Self {
        self.host_port = Some(port);
        self
    }

    /// The node IP the host port binds to.
    pub fn host_ip(mut self, ip: impl Into<String>) -> Self {
        self.host_ip = Some(ip.into());
        self
    }

    /// The container port number.
    pub fn number(&self) -> i32 {
        self.port
    }

    /// The port's name, if it has one.
    pub fn port_name(&self) -> Option<&str> {
        self.name.as_deref()
    }

    /// The k8s-openapi form (rules 20-23 are checked with the pod spec: `validate::pod`).
    fn to_k8s(&self) -> api::ContainerPort {
        api::ContainerPort {
            container_port: self.port,
            host_ip: self.host_ip.clone(),
            host_port: self.host_port,
            name: self.name.clone(),
            // rule 22: only the three supported values are representable
            protocol: self.protocol.map(|p| p.as_str().to_owned()),
        }
    }
}

/// Converts a container's ports (checked with the pod spec: `validate::pod`).
pub(crate) fn ports_to_k8s(ports: &[ContainerPort]) -> Option<Vec<api::ContainerPort>> {
    if ports.is_empty() {
        return None;
    }
    Some(ports.iter().map(ContainerPort::to_k8s).collect())
}

/// The ports of one container, for checking references to them (probe and hook ports).
#[derive(Debug, Clone, Copy)]
pub(crate) struct DeclaredPorts<'a>(pub(crate) &'a [ContainerPort]);

impl DeclaredPorts<'_> {
    /// Whether the container declares `number` as a container port.
    pub(crate) fn has_number(&self, number: i32) -> bool {
        self.0.iter().any(|p| p.port == number)
    }

    /// The declared port names, in declaration order.
    pub(crate) fn names(&self) -> impl Iterator<Item = &str> + '_ {
        self.0.iter().filter_map(ContainerPort::port_name)
    }

    /// Checks a port a probe or hook targets (rule 25 for its syntax). A name must be declared
    /// by this container (an error that lists the declared names); a number that is not
    /// declared is only a warning, since a process may listen on a port nobody declared.
    pub(crate) fn check_ref(&self, port: &PortRef, path: &At<'_>, report: &mut Report) {
        match port {
            PortRef::Number(number) => self.check_number(*number, path, report),
            PortRef::Name(name) => {
                // rule 25: a port name must be a valid IANA_SVC_NAME
                if let Err(violation) = ports::port_name(name) {
                    report.violation(path, with_rule(violation, 25));
                    return;
                }
                if !self.names().any(|n| n == name) {
                    report.violation(path, self.undeclared_name(name));
                }
            }
        }
    }

    /// Checks a port given by number only (gRPC probes): rule 25, and a warning when the
    /// container does not declare it.
    pub(crate) fn check_number(&self, number: i32, path: &At<'_>, report: &mut Report) {
        // rule 25: a port number must be 1-65535
        if let Err(violation) = ports::port_number(i64::from(number), "port") {
            report.violation(path, with_rule(violation, 25));
            return;
        }
        if !self.has_number(number) {
            report.warn(
                path,
                format!(
                    "port {number} is not a declared container port; declare it with `.port(ContainerPort::new({number}))` so it is documented and reachable by name"
                ),
            );
        }
    }

    /// The error for a port name the container does not declare (a project rule, 0).
    fn undeclared_name(&self, name: &str) -> Violation {
        let declared: Vec<&str> = self.names().collect();
        let message = if declared.is_empty() {
            format!(
                "port name {} is not declared by this container, which names no ports",
                shown(name)
            )
        } else {
            format!(
                "port name {} is not declared by this container; declared port names: {}",
                shown(name),
                listed(&declared)
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

/// The same violation under another rule number (a grammar shared by several fields).
pub(crate) fn with_rule(violation: Violation, rule: u16) -> Violation {
    Violation { rule, ..violation }
}

/// Names as a message lists them: `` `a`, `b` ``.
pub(crate) fn listed(names: &[&str]) -> String {
    names
        .iter()
        .map(|n| shown(n))
        .collect::<Vec<_>>()
        .join(", ")
}
