//! The ports a container declares. Their rules (20-23) and the references to them from probes
//! and hooks are checked with the pod spec (`validate::pod`).

use k8s_openapi::api::core::v1 as api;

use crate::rules::enums::Protocol;

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
