//! Services: a stable name and address in front of pods (rules 2 and 49-52).
//!
//! ```
//! use k8s_dsl::prelude::*;
//!
//! // ClusterIP in front of pods labelled `app: web`, targeting their port named `http`.
//! let web = Service::new("web")
//!     .selector("app", "web")
//!     .port(ServicePort::tcp(80).name("http").target("http"))
//!     .build()?;
//! assert_eq!(web.spec.unwrap().ports.unwrap()[0].port, 80);
//!
//! // NodePort, headless and ExternalName services.
//! let node = Service::node_port("web-node")
//!     .selector("app", "web")
//!     .port(ServicePort::tcp(80).target(8080).node_port(30080))
//!     .build()?;
//! let headless = Service::headless("random-generator").selector("app", "random-generator").build()?;
//! let external = Service::external_name("db", "db.example.com").build()?;
//! # let _ = (node, headless, external);
//! # Ok::<(), k8s_dsl::Errors>(())
//! ```

use std::collections::BTreeMap;

use k8s_openapi::api::core::v1 as core;

use crate::meta::Meta;
use crate::rules::enums::{ExternalTrafficPolicy, Protocol, ServiceType, SessionAffinity};
use crate::validate::{Errors, Warning};
use crate::value::PortRef;
use crate::workload::meta_methods;

/// One port of a Service: the port clients use, the pod port it forwards to (a number or
/// the name a container gives its port), and for NodePort/LoadBalancer services the node port.
///
/// ```
/// use k8s_dsl::prelude::*;
///
/// let http = ServicePort::tcp(80).name("http").target("http"); // to the container port named `http`
/// let node = ServicePort::tcp(8080).name("web").target(8080).node_port(30036);
/// let service = Service::node_port("web").selector("app", "web").port(http).port(node).build()?;
/// assert_eq!(service.spec.unwrap_or_default().ports.unwrap_or_default().len(), 2);
/// # Ok::<(), k8s_dsl::Errors>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ServicePort {
    port: i32,
    name: Option<String>,
    target: Option<PortRef>,
    protocol: Option<Protocol>,
    node_port: Option<i32>,
    app_protocol: Option<String>,
}

impl ServicePort {
    /// Port `port` (1-65535), protocol left to the API default (TCP).
    pub fn new(port: i32) -> Self {
        ServicePort {
            port,
            name: None,
            target: None,
            protocol: None,
            node_port: None,
            app_protocol: None,
        }
    }

    /// A TCP port.
    pub fn tcp(port: i32) -> Self {
        ServicePort::new(port).protocol(Protocol::Tcp)
    }

    /// A UDP port.
    pub fn udp(port: i32) -> Self {
        ServicePort::new(port).protocol(Protocol::Udp)
    }

    /// The protocol.
    pub fn protocol(mut self, protocol: Protocol) -> Self {
        self.protocol = Some(protocol);
        self
    }

    /// The port's name (a DNS label; required when the Service has several ports, rule 49).
    pub fn name(mut self, name: impl Into<String>) -> Self {
        self.name = Some(name.into());
        self
    }

    /// The pod port to forward to: a number (`8080`) or a container port name (`"http"`),
    /// which a [`Bundle`](crate::bundle::Bundle) checks against the selected containers.
    pub fn target(mut self, target: impl Into<PortRef>) -> Self {
        self.target = Some(target.into());
        self
    }

    /// The port on every node (NodePort and LoadBalancer services only; outside
    /// 30000-32767 gives a warning, since clusters can change the range).
    pub fn node_port(mut self, port: i32) -> Self {
        self.node_port = Some(port);
        self
    }

    /// The application protocol (`appProtocol`, a qualified name such as `http` or
    /// `kubernetes.io/h2c`).
    pub fn app_protocol(mut self, protocol: impl Into<String>) -> Self {
        self.app_protocol = Some(protocol.into());
        self
    }
}

impl From<i32> for ServicePort {
    fn from(port: i32) -> Self {
        ServicePort::new(port)
    }
}

/// How the Service gets its address.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// `type` left out (ClusterIP).
    Default,
    /// An explicit `type`.
    Typed(ServiceType),
    /// `clusterIP: None`.
    Headless,
}

/// A Service.
///
/// Pick the kind with the constructor: [`new`](Self::new) (ClusterIP, `type` left out),
/// [`cluster_ip`](Self::cluster_ip), [`node_port`](Self::node_port),
/// [`load_balancer`](Self::load_balancer), [`headless`](Self::headless) (`clusterIP: None`)
/// or [`external_name`](Self::external_name). See the [module docs](self) for examples.
///
/// ```
/// use k8s_dsl::prelude::*;
///
/// let (lb, warnings) = Service::load_balancer("shop")
///     .namespace("prod")
///     .label("app", "shop")
///     .selector("app", "shop")
///     .port(ServicePort::tcp(443).name("https").target("https"))
///     .external_traffic_policy(ExternalTrafficPolicy::Local)
///     .session_affinity(SessionAffinity::ClientIp)
///     .load_balancer_source_range("10.0.0.0/8")
///     .publish_not_ready_addresses(false)
///     .build_with_warnings()?;
/// let spec = lb.spec.unwrap_or_default();
/// assert_eq!(spec.type_.as_deref(), Some("LoadBalancer"));
/// assert_eq!(spec.load_balancer_source_ranges, Some(vec!["10.0.0.0/8".to_string()]));
/// assert!(warnings.is_empty());
///
/// let explicit = Service::cluster_ip("api").selector("app", "api").port(8080).build()?;
/// assert_eq!(explicit.spec.unwrap_or_default().type_.as_deref(), Some("ClusterIP"));
///
/// // Every mistake at once, each at its path and rule:
/// let errors = Service::new("shop.v2")
///     .selector("app", "shop")
///     .port(ServicePort::tcp(80).target("http_port"))
///     .load_balancer_source_range("10.0.0.0/8")
///     .build()
///     .unwrap_err();
/// assert!(errors.has("metadata.name", 2));
/// assert!(errors.has("spec.ports[0].targetPort", 49));
/// assert!(errors.has("spec.loadBalancerSourceRanges", 51));
/// # Ok::<(), k8s_dsl::Errors>(())
/// ```
#[derive(Debug, Clone)]
pub struct Service {
    pub(crate) meta: Meta,
    kind: Kind,
    external_name: Option<String>,
    selector: BTreeMap<String, String>,
    ports: Vec<ServicePort>,
    external_traffic_policy: Option<ExternalTrafficPolicy>,
    session_affinity: Option<SessionAffinity>,
    load_balancer_source_ranges: Vec<String>,
    publish_not_ready_addresses: Option<bool>,
}

impl Service {
    fn with_kind(name: impl Into<String>, kind: Kind) -> Self {
        Service {
            meta: Meta::new(name),
            kind,
            external_name: None,
            selector: BTreeMap::new(),
            ports: Vec::new(),
            external_traffic_policy: None,
            session_affinity: None,
            load_balancer_source_ranges: Vec::new(),
            publish_not_ready_addresses: None,
        }
    }

    /// A ClusterIP Service called `name` (a DNS-1123 label, rule 2), without an explicit `type`.
    pub fn new(name: impl Into<String>) -> Self {
        Service::with_kind(name, Kind::Default)
    }

    /// A Service with `type: ClusterIP` written out.
    pub fn cluster_ip(name: impl Into<String>) -> Self {
        Service::with_kind(name, Kind::Typed(ServiceType::ClusterIp))
    }

    /// A `NodePort` Service: each port also opens on every node.
    pub fn node_port(name: impl Into<String>) -> Self {
        Service::with_kind(name, Kind::Typed(ServiceType::NodePort))
    }

    /// A `LoadBalancer` Service.
    pub fn load_balancer(name: impl Into<String>) -> Self {
        Service::with_kind(name, Kind::Typed(ServiceType::LoadBalancer))
    }

    /// A headless Service (`clusterIP: None`): DNS returns the pod addresses. StatefulSets
    /// need one; ports are optional.
    pub fn headless(name: impl Into<String>) -> Self {
        Service::with_kind(name, Kind::Headless)
    }

    /// An `ExternalName` Service: a DNS alias (CNAME) for `external_name` (a DNS name, rule 51).
    pub fn external_name(name: impl Into<String>, external_name: impl Into<String>) -> Self {
        let mut service = Service::with_kind(name, Kind::Typed(ServiceType::ExternalName));
        service.external_name = Some(external_name.into());
        service
    }

    meta_methods!();

    /// Selects the pods with the label `key: value` (rule 52); call again for more labels.
    pub fn selector(mut self, key: impl Into<String>, value: impl Into<String>) -> Self {
        self.selector.insert(key.into(), value.into());
        self
    }

    /// Adds a port: `ServicePort::tcp(80).target("http")`, or just `80`.
    pub fn port(mut self, port: impl Into<ServicePort>) -> Self {
        self.ports.push(port.into());
        self
    }

    /// `Cluster` or `Local` (NodePort and LoadBalancer services only, rule 51).
    pub fn external_traffic_policy(mut self, policy: ExternalTrafficPolicy) -> Self {
        self.external_traffic_policy = Some(policy);
        self
    }

    /// `None` or `ClientIP`.
    pub fn session_affinity(mut self, affinity: SessionAffinity) -> Self {
        self.session_affinity = Some(affinity);
        self
    }

    /// Adds a client CIDR allowed through the load balancer (LoadBalancer only, rule 51).
    pub fn load_balancer_source_range(mut self, cidr: impl Into<String>) -> Self {
        self.load_balancer_source_ranges.push(cidr.into());
        self
    }

    /// Publishes the addresses of pods that are not ready (`publishNotReadyAddresses`).
    pub fn publish_not_ready_addresses(mut self, publish: bool) -> Self {
        self.publish_not_ready_addresses = Some(publish);
        self
    }

    /// The k8s-openapi `Service`, or every error found.
    pub fn build(self) -> Result<core::Service, Errors> {
        self.build_with_warnings().map(|(s, _)| s)
    }

    /// Like [`build`](Self::build), also returning the warnings (such as a nodePort outside
    /// the default range).
    pub fn build_with_warnings(self) -> Result<(core::Service, Vec<Warning>), Errors> {
        let service = self.into_k8s();
        crate::validate::service(&service).finish(service)
    }

    /// The Service as written, unchecked (`validate::service` checks it).
    pub(crate) fn into_k8s(self) -> core::Service {
        let ports: Vec<core::ServicePort> = self
            .ports
            .into_iter()
            .map(|port| core::ServicePort {
                app_protocol: port.app_protocol,
                name: port.name,
                node_port: port.node_port,
                port: port.port,
                protocol: port.protocol.map(|p| p.as_str().to_owned()),
                target_port: port.target.as_ref().map(PortRef::to_int_or_string),
            })
            .collect();
        let spec = core::ServiceSpec {
            type_: match self.kind {
                Kind::Typed(t) => Some(t.as_str().to_owned()),
                Kind::Default | Kind::Headless => None,
            },
            cluster_ip: (self.kind == Kind::Headless).then(|| "None".to_owned()),
            external_name: self.external_name,
            selector: crate::meta::non_empty_map(self.selector),
            ports: (!ports.is_empty()).then_some(ports),
            external_traffic_policy: self.external_traffic_policy.map(|p| p.as_str().to_owned()),
            session_affinity: self.session_affinity.map(|a| a.as_str().to_owned()),
            load_balancer_source_ranges: (!self.load_balancer_source_ranges.is_empty())
                .then_some(self.load_balancer_source_ranges),
            publish_not_ready_addresses: self.publish_not_ready_addresses,
            ..core::ServiceSpec::default()
        };
        core::Service {
            metadata: self.meta.into_object_meta(),
            spec: Some(spec),
            ..core::Service::default()
        }
    }
}

#[cfg(test)]
#[allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]
mod tests {
    use super::*;

    fn err(service: Service) -> Errors {
        match service.build() {
            Ok(s) => panic!("expected errors, got {s:?}"),
            Err(errors) => errors,
        }
    }

    #[test]
    fn workload_17_cluster_ip_and_node_port() {
        let svc = Service::new("random-generator")
            .selector("app", "random-generator")
            .port(ServicePort::tcp(80).target("http"))
            .build()
            .unwrap();
        let yaml = crate::emit::to_yaml(&svc).unwrap();
        assert!(yaml.contains("targetPort: http"), "{yaml}");
        assert!(!yaml.contains("type:"), "{yaml}");
        let (svc, warnings) = Service::node_port("random-generator-np")
            .selector("app", "random-generator")
            .port(ServicePort::tcp(8080).target(8080).node_port(30036))
            .build_with_warnings()
            .unwrap();
        assert!(warnings.is_empty(), "{warnings:?}");
        let yaml = crate::emit::to_yaml(&svc).unwrap();
        assert!(yaml.contains("type: NodePort"), "{yaml}");
        assert!(yaml.contains("nodePort: 30036"), "{yaml}");
    }

    #[test]
    fn headless_and_external_name() {
        let svc = Service::headless("db")
            .selector("app", "db")
            .build()
            .unwrap();
        assert_eq!(svc.spec.unwrap().cluster_ip.as_deref(), Some("None"));
        let svc = Service::external_name("ext", "db.example.com")
            .build()
            .unwrap();
        assert_eq!(svc.spec.unwrap().type_.as_deref(), Some("ExternalName"));
    }

    #[test]
    fn rule_2_service_name_is_a_dns_1123_label() {
        // Kubernetes 1.37 accepts a leading digit (`RelaxedServiceNameValidation`).
        assert!(Service::new("1web").port(80).build().is_ok());
        let errors = err(Service::new("Web").port(80));
        assert!(errors.has("metadata.name", 2), "{errors}");
        let errors = err(Service::new("web.example").port(80));
        assert!(errors.has("metadata.name", 2), "{errors}");
    }

    #[test]
    fn rule_49_ports_required_named_and_valid() {
        let errors = err(Service::new("web").selector("app", "web"));
        assert!(errors.has("spec.ports", 49), "{errors}");
        let errors = err(Service::new("web")
            .port(ServicePort::tcp(80))
            .port(
                ServicePort::tcp(0)
                    .name("Bad_Name")
                    .target("way_too_long_port_name"),
            )
            .port(
                ServicePort::tcp(443)
                    .name("Bad_Name")
                    .target(70000)
                    .app_protocol("not valid!"),
            ));
        assert!(errors.has("spec.ports[0].name", 49), "{errors}");
        assert!(errors.has("spec.ports[1].name", 49), "{errors}");
        assert!(errors.has("spec.ports[1].port", 49), "{errors}");
        assert!(errors.has("spec.ports[1].targetPort", 49), "{errors}");
        assert!(errors.has("spec.ports[2].targetPort", 49), "{errors}");
        assert!(errors.has("spec.ports[2].appProtocol", 49), "{errors}");
        // Headless and ExternalName services need no ports.
        assert!(Service::headless("h").build().is_ok());
    }

    #[test]
    fn rule_50_node_port_forbidden_on_cluster_ip() {
        let errors = err(Service::new("web").port(ServicePort::tcp(80).node_port(30080)));
        assert!(errors.has("spec.ports[0].nodePort", 50), "{errors}");
        let errors = err(Service::headless("web").port(ServicePort::tcp(80).node_port(30080)));
        assert!(errors.has("spec.ports[0].nodePort", 50), "{errors}");
    }

    #[test]
    fn rule_50_node_port_outside_default_range_is_a_warning() {
        let (_, warnings) = Service::node_port("web")
            .port(ServicePort::tcp(80).node_port(8080))
            .build_with_warnings()
            .unwrap();
        assert_eq!(warnings.len(), 1);
        assert_eq!(warnings[0].path.as_str(), "spec.ports[0].nodePort");
        assert!(warnings[0].message.contains("30000-32767"));
    }

    #[test]
    fn rule_50_duplicate_ports_and_node_ports() {
        let errors = err(Service::node_port("web")
            .port(ServicePort::tcp(80).name("a").node_port(30080))
            .port(ServicePort::new(80).name("b").node_port(30080))
            .port(ServicePort::udp(80).name("c").node_port(70000)));
        assert!(errors.has("spec.ports[1]", 50), "{errors}");
        assert!(errors.has("spec.ports[1].nodePort", 50), "{errors}");
        assert!(errors.has("spec.ports[2].nodePort", 50), "{errors}");
        assert!(!errors.has("spec.ports[2]", 50), "{errors}");
    }

    #[test]
    fn rule_51_load_balancer_and_external_rules() {
        // kube-apiserver 1.37 accepts a load balancer on the kubelet's port: a warning.
        let (_, warnings) = Service::load_balancer("lb")
            .port(10250)
            .build_with_warnings()
            .unwrap();
        assert!(warnings
            .iter()
            .any(|w| w.path.as_str() == "spec.ports[0].port"));
        let errors = err(Service::new("web")
            .port(80)
            .load_balancer_source_range("10.0.0.0/8")
            .external_traffic_policy(ExternalTrafficPolicy::Local));
        assert!(errors.has("spec.loadBalancerSourceRanges", 51), "{errors}");
        assert!(errors.has("spec.externalTrafficPolicy", 51), "{errors}");
        let errors = err(Service::external_name("ext", "not a host!"));
        assert!(errors.has("spec.externalName", 51), "{errors}");
        assert!(Service::load_balancer("lb")
            .port(443)
            .load_balancer_source_range("10.0.0.0/8")
            .external_traffic_policy(ExternalTrafficPolicy::Local)
            .build()
            .is_ok());
    }

    #[test]
    fn rule_52_selector_follows_label_syntax() {
        let errors = err(Service::new("web")
            .port(80)
            .selector("bad key!", "web")
            .selector("app", "bad value!"));
        // Reported at the selector, as the API server does; the messages name the keys.
        assert_eq!(errors.len(), 2, "{errors}");
        assert!(errors
            .iter()
            .all(|e| e.path.as_str() == "spec.selector" && e.rule == 52));
        assert!(
            errors.iter().any(|e| e.message.contains("`bad key!`")),
            "{errors}"
        );
        assert!(
            errors.iter().any(|e| e.message.contains("`app`")),
            "{errors}"
        );
    }
}
