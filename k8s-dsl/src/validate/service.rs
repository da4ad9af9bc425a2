//! Services (`ValidateService`): the name (rule 2), the ports (rules 49 and 50), what only
//! some types allow (rule 51) and the selector (rule 52).

use std::collections::BTreeSet;
use std::str::FromStr;

use k8s_openapi::api::core::v1 as core;
use k8s_openapi::apimachinery::pkg::util::intstr::IntOrString;

use super::{meta, At, Report};
use crate::rules::enums::{ExternalTrafficPolicy, Protocol, ServiceType};
use crate::rules::{labels, names, ports, shown, Violation};

/// The kubelet's port, which a LoadBalancer had better not expose (rule 51, a warning).
const KUBELET_PORT: i32 = 10250;

/// What the checks of the ports need to know of the Service.
struct Shape {
    /// `type`, `ClusterIP` when left out (or not one of the types).
    service_type: ServiceType,
    /// `clusterIP: None`.
    headless: bool,
}

/// Every error and warning of a Service.
///
/// ```
/// use k8s_openapi::api::core::v1 as core;
/// use k8s_openapi::apimachinery::pkg::apis::meta::v1::ObjectMeta;
///
/// let service = core::Service { metadata: ObjectMeta { name: Some("web.v2".into()), ..Default::default() }, ..Default::default() };
/// let report = k8s_dsl::validate::service(&service);
/// assert!(report.errors().iter().any(|e| e.path.as_str() == "metadata.name" && e.rule == 2));
/// // No spec: a ClusterIP Service without ports (rule 49).
/// assert!(report.errors().iter().any(|e| e.path.as_str() == "spec.ports" && e.rule == 49));
/// ```
pub fn service(service: &core::Service) -> Report {
    let mut report = Report::new();
    meta::object_meta(
        &service.metadata,
        &At::root().field("metadata"),
        meta::service_name,
        &mut report,
    );
    let default = core::ServiceSpec::default();
    let spec = service.spec.as_ref().unwrap_or(&default);
    let path = At::root().field("spec");
    let shape = shape(spec, &path, &mut report);
    selector(spec, &path, &shape, &mut report);
    service_ports(spec, &path, &shape, &mut report);
    by_type(spec, &path, &shape, &mut report);
    report
}

/// The type (rule 49) and whether the Service is headless.
fn shape(spec: &core::ServiceSpec, path: &At<'_>, report: &mut Report) -> Shape {
    let service_type = match spec.type_.as_deref() {
        None => ServiceType::ClusterIp,
        Some(text) => report
            .check(&path.field("type"), ServiceType::from_str(text))
            .unwrap_or(ServiceType::ClusterIp),
    };
    // The API server fills `clusterIPs` from `clusterIP` before it validates; a Service is
    // headless when that list is exactly `["None"]` (`isHeadlessService`).
    let ips = cluster_ips(spec);
    Shape {
        service_type,
        headless: ips.len() == 1 && ips.first().map(String::as_str) == Some("None"),
    }
}

/// `clusterIPs` as the API server sees it: the list, or `clusterIP` alone when the list is
/// empty.
fn cluster_ips(spec: &core::ServiceSpec) -> Vec<String> {
    match (spec.cluster_ips.as_deref(), spec.cluster_ip.as_deref()) {
        (Some(list), _) if !list.is_empty() => list.to_vec(),
        (_, Some(ip)) if !ip.is_empty() => vec![ip.to_owned()],
        _ => Vec::new(),
    }
}

/// Rule 52: the selector follows label syntax; an `ExternalName` Service ignores it.
fn selector(spec: &core::ServiceSpec, path: &At<'_>, shape: &Shape, report: &mut Report) {
    let Some(selector) = &spec.selector else {
        return;
    };
    let at = path.field("selector");
    // Reported at `spec.selector`, as the API server does (`ValidateLabels`).
    meta::label_map_as(&at, selector, 52, report);
    if shape.service_type == ServiceType::ExternalName && !selector.is_empty() {
        report.warn(
            &at,
            "an `ExternalName` service ignores its selector; remove it",
        );
    }
}

/// Rule 51: what only some types allow, and the external name.
fn by_type(spec: &core::ServiceSpec, path: &At<'_>, shape: &Shape, report: &mut Report) {
    match shape.service_type {
        ServiceType::LoadBalancer | ServiceType::NodePort if shape.headless => report.error(
            // The API server reports the list it fills from `clusterIP`.
            &path.field("clusterIPs").index(0),
            51,
            format!(
                "`clusterIP` may not be `None` for `{}` services",
                shape.service_type
            ),
            "remove `clusterIP: None`, or use a `ClusterIP` Service for a headless one",
        ),
        ServiceType::ExternalName => external_name(spec, path, report),
        _ => {
            if spec.external_name.is_some() {
                report.warn(
                    &path.field("externalName"),
                    "only an `ExternalName` service uses `externalName`; it is ignored here",
                );
            }
        }
    }
    let ranges = spec
        .load_balancer_source_ranges
        .as_deref()
        .unwrap_or_default();
    if !ranges.is_empty() {
        // The API server prints this path as `spec.LoadBalancerSourceRanges` (a capital `L`, a
        // slip in `ValidateService`); the field's own name is reported here.
        let at = path.field("loadBalancerSourceRanges");
        if shape.service_type != ServiceType::LoadBalancer {
            report.error(
                &at,
                51,
                "may only be used when `type` is `LoadBalancer`",
                "use `Service::load_balancer(..)` or remove the source ranges",
            );
        }
        for (i, range) in ranges.iter().enumerate() {
            // Surrounding whitespace is allowed (`strings.TrimSpace`).
            if super::network::Cidr::parse(range.trim()).is_none() {
                report.error(
                    &at.index(i),
                    51,
                    format!("{} is not a valid CIDR", shown(range)),
                    "write an address and a prefix length, such as `10.0.0.0/8`",
                );
            }
        }
    }
    if spec.allocate_load_balancer_node_ports.is_some()
        && shape.service_type != ServiceType::LoadBalancer
    {
        report.error(
            &path.field("allocateLoadBalancerNodePorts"),
            51,
            "may only be used when `type` is `LoadBalancer`",
            "remove `allocateLoadBalancerNodePorts`, or use `Service::load_balancer(..)`",
        );
    }
    let external = matches!(
        shape.service_type,
        ServiceType::NodePort | ServiceType::LoadBalancer
    );
    if let Some(policy) = spec.external_traffic_policy.as_deref() {
        let at = path.field("externalTrafficPolicy");
        if report
            .check(&at, ExternalTrafficPolicy::from_str(policy))
            .is_some()
            && !external
        {
            report.error(
                &at,
                51,
                "may only be set for externally-accessible services (`NodePort` or `LoadBalancer`)",
                "remove `.external_traffic_policy(..)` or use `Service::node_port(..)`/`load_balancer(..)`",
            );
        }
    }
}

/// Rule 51: an `ExternalName` Service has an external name (a DNS subdomain), and no cluster
/// IPs or IP families.
fn external_name(spec: &core::ServiceSpec, path: &At<'_>, report: &mut Report) {
    if !cluster_ips(spec).is_empty() {
        report.error(
            &path.field("clusterIPs"),
            51,
            "`clusterIP` and `clusterIPs` may not be set for `ExternalName` services",
            "remove `clusterIP`: an `ExternalName` service is a DNS alias, without an IP",
        );
    }
    if spec.ip_families.as_ref().is_some_and(|f| !f.is_empty()) {
        report.error(
            &path.field("ipFamilies"),
            51,
            "may not be set for `ExternalName` services",
            "remove `ipFamilies`",
        );
    }
    if spec.ip_family_policy.is_some() {
        report.error(
            &path.field("ipFamilyPolicy"),
            51,
            "may not be set for `ExternalName` services",
            "remove `ipFamilyPolicy`",
        );
    }
    let at = path.field("externalName");
    // The API server drops one trailing dot (a fully qualified name) before it checks.
    let external = spec.external_name.as_deref().unwrap_or_default();
    let name = external.strip_suffix('.').unwrap_or(external);
    if name.is_empty() {
        report.error(
            &at,
            51,
            "an `ExternalName` service needs `externalName`",
            "set the DNS name the service stands for: `Service::external_name(\"db\", \"db.example.com\")`",
        );
    } else {
        report.check(&at, names::dns1123_subdomain(name, 51, "external name"));
    }
}

/// Rules 49-51 for the list of ports and each port.
fn service_ports(spec: &core::ServiceSpec, path: &At<'_>, shape: &Shape, report: &mut Report) {
    let at = path.field("ports");
    let list = spec.ports.as_deref().unwrap_or_default();
    let needs_ports = !shape.headless && shape.service_type != ServiceType::ExternalName;
    if list.is_empty() && needs_ports {
        report.error(
            &at,
            49,
            "a service needs at least one port (unless it is headless or `ExternalName`)",
            "add `.port(ServicePort::tcp(80).target(..))`",
        );
    }
    let several = list.len() > 1;
    let mut seen = Seen::default();
    for (i, port) in list.iter().enumerate() {
        let p = at.index(i);
        port_name(port, &p, several, &mut seen, report);
        let protocol = match port.protocol.as_deref() {
            None => Protocol::Tcp,
            Some(text) => match Protocol::from_str(text) {
                Ok(protocol) => protocol,
                Err(v) => {
                    report.violation(&p.field("protocol"), Violation { rule: 49, ..v });
                    Protocol::Tcp
                }
            },
        };
        port_numbers(port, &p, protocol, shape, &mut seen, report);
    }
}

/// The names, ports and node ports met so far (each unique).
#[derive(Default)]
struct Seen<'a> {
    names: BTreeSet<&'a str>,
    ports: BTreeSet<(&'static str, i32)>,
    node_ports: BTreeSet<(&'static str, i32)>,
}

/// Rule 49: a port's name, required when there are several, a DNS label, unique.
fn port_name<'a>(
    port: &'a core::ServicePort,
    p: &At<'_>,
    several: bool,
    seen: &mut Seen<'a>,
    report: &mut Report,
) {
    match port.name.as_deref() {
        None | Some("") if several => report.error(
            &p.field("name"),
            49,
            "every port needs a name when a service has more than one port",
            "call `.name(\"http\")` on each port",
        ),
        None | Some("") => {}
        Some(name) => {
            report.check(
                &p.field("name"),
                names::dns1123_label(name, 49, "service port name"),
            );
            if !seen.names.insert(name) {
                report.error(
                    &p.field("name"),
                    49,
                    format!("duplicate port name {}", shown(name)),
                    "give each port its own name",
                );
            }
        }
    }
}

/// Rules 49-51: the port, target port, app protocol and node port of one port.
fn port_numbers(
    port: &core::ServicePort,
    p: &At<'_>,
    protocol: Protocol,
    shape: &Shape,
    seen: &mut Seen<'_>,
    report: &mut Report,
) {
    if let Err(v) = ports::port_number(i64::from(port.port), "service port") {
        report.violation(&p.field("port"), Violation { rule: 49, ..v });
    }
    // Rule 50: (protocol, port) pairs are unique.
    if !seen.ports.insert((protocol.as_str(), port.port)) {
        report.error(
            p,
            50,
            format!("duplicate port {}/{protocol}", port.port),
            "expose each port and protocol once",
        );
    }
    // Rule 51: kube-apiserver 1.37 lets a load balancer expose the kubelet's port (older
    // servers refused it), but the nodes' kubelets already listen there: a warning.
    if shape.service_type == ServiceType::LoadBalancer && port.port == KUBELET_PORT {
        report.warn(
            &p.field("port"),
            "port 10250 is the kubelet's port on every node; a load balancer on it may clash with the kubelet (older API servers refuse it); use another port",
        );
    }
    // `0` and `""` are left for the API server to default to `port`.
    let target = match &port.target_port {
        Some(IntOrString::Int(0)) => Ok(()),
        Some(IntOrString::String(name)) if name.is_empty() => Ok(()),
        Some(IntOrString::Int(n)) => ports::port_number(i64::from(*n), "target port"),
        Some(IntOrString::String(name)) => ports::port_name(name),
        None => Ok(()),
    };
    if let Err(v) = target {
        report.violation(&p.field("targetPort"), Violation { rule: 49, ..v });
    }
    if let Some(app) = &port.app_protocol {
        report.check(
            &p.field("appProtocol"),
            labels::qualified_name(app, 49, "app protocol"),
        );
    }
    // `0` asks the API server to allocate one, like leaving it out.
    if let Some(node_port) = port.node_port.filter(|&n| n != 0) {
        node_port_of(
            &p.field("nodePort"),
            node_port,
            protocol,
            shape,
            seen,
            report,
        );
    }
}

/// Rule 50: nodePort only for NodePort/LoadBalancer, unique per protocol; outside the
/// default range is a warning.
fn node_port_of(
    at: &At<'_>,
    node_port: i32,
    protocol: Protocol,
    shape: &Shape,
    seen: &mut Seen<'_>,
    report: &mut Report,
) {
    let allowed = matches!(
        shape.service_type,
        ServiceType::NodePort | ServiceType::LoadBalancer
    );
    if !allowed {
        let kind = if shape.headless {
            "a headless service".to_owned()
        } else {
            format!("`type` is `{}`", shape.service_type)
        };
        report.error(
            at,
            50,
            format!("may not be used when {kind}"),
            "use `Service::node_port(..)` or `Service::load_balancer(..)`, or remove `.node_port(..)`",
        );
        return;
    }
    if let Err(v) = ports::port_number(i64::from(node_port), "node port") {
        report.violation(at, Violation { rule: 50, ..v });
        return;
    }
    if !seen.node_ports.insert((protocol.as_str(), node_port)) {
        report.error(
            at,
            50,
            format!("duplicate node port {node_port}/{protocol}"),
            "use each node port once per protocol",
        );
    }
    if !ports::node_port_in_default_range(i64::from(node_port)) {
        report.warn(
            at,
            format!(
                "node port {node_port} is outside the default range 30000-32767; the API server rejects it unless the cluster's `--service-node-port-range` includes it"
            ),
        );
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing)]
mod tests {
    use super::*;

    fn raw(spec: serde_json::Value) -> Report {
        let object: core::Service = serde_json::from_value(serde_json::json!({
            "apiVersion": "v1", "kind": "Service", "metadata": { "name": "web" }, "spec": spec,
        }))
        .unwrap();
        service(&object)
    }

    fn paths(report: &Report) -> Vec<(String, u16)> {
        report
            .errors()
            .iter()
            .map(|e| (e.path.as_str().to_owned(), e.rule))
            .collect()
    }

    #[test]
    fn rule_49_values_a_builder_cannot_write() {
        let report = raw(serde_json::json!({
            "type": "clusterIP",
            "ports": [{ "port": 80, "protocol": "tcp" }],
        }));
        assert_eq!(
            paths(&report),
            [
                ("spec.type".to_owned(), 49),
                ("spec.ports[0].protocol".to_owned(), 49)
            ]
        );
    }

    #[test]
    fn rules_49_to_51_leave_to_defaulting_what_the_server_defaults() {
        // targetPort 0 or "" defaults to `port`, nodePort 0 is allocated, and one trailing dot
        // of an external name is dropped: the API server accepts each.
        let report = raw(serde_json::json!({
            "type": "NodePort",
            "ports": [
                { "name": "a", "port": 80, "targetPort": 0, "nodePort": 0 },
                { "name": "b", "port": 81, "targetPort": "" },
            ],
        }));
        assert!(report.errors().is_empty(), "{:?}", report.errors());
        let report = raw(serde_json::json!({
            "type": "ExternalName", "externalName": "db.example.com.",
        }));
        assert!(report.errors().is_empty(), "{:?}", report.errors());
        let report = raw(serde_json::json!({
            "type": "ExternalName", "externalName": "db_example.com",
        }));
        assert_eq!(paths(&report), [("spec.externalName".to_owned(), 51)]);
    }

    #[test]
    fn rule_51_external_traffic_policy_near_miss() {
        let report = raw(serde_json::json!({
            "type": "NodePort", "externalTrafficPolicy": "local", "ports": [{ "port": 80 }],
        }));
        assert_eq!(
            paths(&report),
            [("spec.externalTrafficPolicy".to_owned(), 51)]
        );
    }

    #[test]
    fn rule_51_load_balancer_fields() {
        let lb = |extra: serde_json::Value| {
            let mut spec = serde_json::json!({ "type": "LoadBalancer", "ports": [{ "port": 80 }] });
            if let (Some(to), serde_json::Value::Object(from)) = (spec.as_object_mut(), extra) {
                to.extend(from);
            }
            raw(spec)
        };
        assert_eq!(
            paths(&lb(serde_json::json!({ "clusterIP": "None" }))),
            [("spec.clusterIPs[0]".to_owned(), 51)]
        );
        assert!(paths(&lb(
            serde_json::json!({ "loadBalancerSourceRanges": [" 10.0.0.0/8"] })
        ))
        .is_empty());
        assert_eq!(
            paths(&lb(
                serde_json::json!({ "loadBalancerSourceRanges": ["10.0.0.0/8", "10.0.0.0"] })
            )),
            [("spec.loadBalancerSourceRanges[1]".to_owned(), 51)]
        );
        assert!(paths(&lb(
            serde_json::json!({ "allocateLoadBalancerNodePorts": false })
        ))
        .is_empty());
        // kube-apiserver 1.37 accepts the kubelet's port: a warning.
        let kubelet = lb(serde_json::json!({ "ports": [{ "port": 10250 }] }));
        assert!(paths(&kubelet).is_empty());
        assert!(kubelet
            .warnings()
            .iter()
            .any(|w| w.path.as_str() == "spec.ports[0].port"));
        let cluster_ip = raw(serde_json::json!({
            "ports": [{ "port": 80 }],
            "loadBalancerSourceRanges": ["10.0.0.0/8"],
            "allocateLoadBalancerNodePorts": true,
        }));
        assert_eq!(
            paths(&cluster_ip),
            [
                ("spec.loadBalancerSourceRanges".to_owned(), 51),
                ("spec.allocateLoadBalancerNodePorts".to_owned(), 51)
            ]
        );
    }

    #[test]
    fn rule_51_external_name_fields() {
        let external = |extra: serde_json::Value| {
            let mut spec =
                serde_json::json!({ "type": "ExternalName", "externalName": "db.example.com" });
            if let (Some(to), serde_json::Value::Object(from)) = (spec.as_object_mut(), extra) {
                to.extend(from);
            }
            paths(&raw(spec))
        };
        assert!(external(serde_json::json!({})).is_empty());
        assert_eq!(
            external(serde_json::json!({ "clusterIP": "10.96.0.10" })),
            [("spec.clusterIPs".to_owned(), 51)]
        );
        assert_eq!(
            external(
                serde_json::json!({ "ipFamilies": ["IPv4"], "ipFamilyPolicy": "SingleStack" })
            ),
            [
                ("spec.ipFamilies".to_owned(), 51),
                ("spec.ipFamilyPolicy".to_owned(), 51)
            ]
        );
        assert_eq!(
            paths(&raw(serde_json::json!({ "type": "ExternalName" }))),
            [("spec.externalName".to_owned(), 51)]
        );
        assert_eq!(
            external(serde_json::json!({ "externalName": "." })),
            [("spec.externalName".to_owned(), 51)]
        );
        // Another type ignores `externalName`: a warning.
        let ignored =
            raw(serde_json::json!({ "ports": [{ "port": 80 }], "externalName": "not a host" }));
        assert!(paths(&ignored).is_empty());
        assert!(!ignored.warnings().is_empty());
    }

    #[test]
    fn rule_52_selector_errors_at_the_selector() {
        let report = raw(serde_json::json!({
            "ports": [{ "port": 80 }],
            "selector": { "my app": "web", "app": "a/b" },
        }));
        assert_eq!(
            paths(&report),
            [
                ("spec.selector".to_owned(), 52),
                ("spec.selector".to_owned(), 52)
            ]
        );
        assert!(report.errors().iter().any(|e| e.message.contains("`app`")));
    }
}
