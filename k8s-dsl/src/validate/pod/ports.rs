//! A container's ports (`validateContainerPorts`, `validatePodHostNetworkDeps`): numbers
//! (rule 20), names (rule 21), protocols (rule 22) and host network ports (rule 23).

use k8s_openapi::api::core::v1 as k8s;

use crate::rules::enums::Protocol;
use crate::rules::{ports, shown};
use crate::validate::{At, Report};

/// Rules 20-23 for the ports of one container; `path` is its `ports` field.
pub(crate) fn container_ports(
    path: &At<'_>,
    list: &[k8s::ContainerPort],
    host_network: bool,
    report: &mut Report,
) {
    for (i, port) in list.iter().enumerate() {
        let here = path.index(i);
        one(&here, port, host_network, report);
        let Some(name) = port.name.as_deref().filter(|n| !n.is_empty()) else {
            continue;
        };
        // rule 21: port names are unique within the container
        let first = list
            .iter()
            .take(i)
            .position(|p| p.name.as_deref() == Some(name));
        if let Some(first) = first {
            report.error(
                &here.field("name"),
                21,
                format!(
                    "port name {} is already used by `ports[{first}]`",
                    shown(name)
                ),
                "give each port of a container its own name",
            );
        }
    }
}

/// Rules 20-23 for one port at `path`.
fn one(path: &At<'_>, port: &k8s::ContainerPort, host_network: bool, report: &mut Report) {
    // rule 20: containerPort is required and 1-65535
    report.check(
        &path.field("containerPort"),
        ports::port_number(i64::from(port.container_port), "container port"),
    );
    if let Some(host_port) = port.host_port.filter(|p| *p != 0) {
        // rule 20: hostPort 1-65535 when set (0 means unset to the API server)
        report.check(
            &path.field("hostPort"),
            ports::port_number(i64::from(host_port), "host port"),
        );
        // rule 23: with hostNetwork the host port is the container port (a Pod's 0 is
        // defaulted to the container port; a template may keep 0)
        if host_network && host_port != port.container_port {
            report.error(
                &path.field("hostPort"),
                23,
                format!(
                    "host port {host_port} differs from container port {} on a pod with `hostNetwork: true`",
                    port.container_port
                ),
                format!("use `.host_port({})` or drop the host port", port.container_port),
            );
        }
    }
    if let Some(name) = port.name.as_deref().filter(|n| !n.is_empty()) {
        // rule 21: IANA_SVC_NAME (empty means no name)
        report.check(&path.field("name"), ports::port_name(name));
    }
    if let Some(protocol) = port.protocol.as_deref().filter(|p| !p.is_empty()) {
        // rule 22: TCP, UDP or SCTP (empty is defaulted to TCP)
        report.check(&path.field("protocol"), protocol.parse::<Protocol>());
    }
}
