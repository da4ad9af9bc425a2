//! [`NetworkPolicy`]: which traffic reaches the selected pods and which leaves them, with
//! shortcuts for the usual policies (deny all, allow from pods with labels, allow DNS).
//!
//! ```
//! use k8s_dsl::prelude::*;
//!
//! let policy = NetworkPolicy::deny_all("web")
//!     .namespace("shop")
//!     .pods([("app", "web")])
//!     .allow_from_pods([("app", "frontend")], [PolicyPort::named("http")])
//!     .allow_dns_egress()
//!     .build()?;
//! let spec = policy.spec.unwrap();
//! assert_eq!(spec.policy_types.as_deref(), Some(&["Ingress".to_owned(), "Egress".to_owned()][..]));
//! assert_eq!(spec.ingress.as_ref().map(Vec::len), Some(1));
//! # Ok::<(), k8s_dsl::Errors>(())
//! ```

mod ingress;

pub use ingress::{Ingress, IngressBackend, IngressClass, IngressRule, PathType};

use k8s_openapi::api::networking::v1 as networking;
use k8s_openapi::apimachinery::pkg::apis::meta::v1::LabelSelector;
use k8s_openapi::apimachinery::pkg::util::intstr::IntOrString;

use crate::meta::Meta;
use crate::validate::{Errors, Warning};
use crate::workload::meta_methods;

/// Labels as a selector (`{}` when there are none: everything).
fn selector<K: Into<String>, V: Into<String>>(
    labels: impl IntoIterator<Item = (K, V)>,
) -> LabelSelector {
    let labels: std::collections::BTreeMap<String, String> = labels
        .into_iter()
        .map(|(k, v)| (k.into(), v.into()))
        .collect();
    LabelSelector {
        match_labels: (!labels.is_empty()).then_some(labels),
        match_expressions: None,
    }
}

/// The other end of allowed traffic: pods, namespaces, or an IP block.
///
/// ```
/// use k8s_dsl::prelude::*;
///
/// let block = Peer::cidr("10.0.0.0/8").except(["10.1.0.0/16"]).to_k8s();
/// assert_eq!(block.ip_block.unwrap().except.unwrap(), ["10.1.0.0/16"]);
/// let monitoring = Peer::pods_in_namespace([("team", "ops")], [("app", "prometheus")]).to_k8s();
/// assert!(monitoring.pod_selector.is_some() && monitoring.namespace_selector.is_some());
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Peer(networking::NetworkPolicyPeer);

impl Peer {
    /// The pods of the policy's namespace carrying all of `labels`.
    pub fn pods<K: Into<String>, V: Into<String>>(
        labels: impl IntoIterator<Item = (K, V)>,
    ) -> Self {
        Peer(networking::NetworkPolicyPeer {
            pod_selector: Some(selector(labels)),
            ..Default::default()
        })
    }

    /// Every pod of the namespaces carrying all of `labels` (the namespace's name is the
    /// label `kubernetes.io/metadata.name`).
    pub fn namespaces<K: Into<String>, V: Into<String>>(
        labels: impl IntoIterator<Item = (K, V)>,
    ) -> Self {
        Peer(networking::NetworkPolicyPeer {
            namespace_selector: Some(selector(labels)),
            ..Default::default()
        })
    }

    /// The namespace called `name`.
    pub fn namespace(name: &str) -> Self {
        Peer::namespaces([("kubernetes.io/metadata.name", name)])
    }

    /// The pods carrying `pod_labels` in the namespaces carrying `namespace_labels`.
    pub fn pods_in_namespace<K1, V1, K2, V2>(
        namespace_labels: impl IntoIterator<Item = (K1, V1)>,
        pod_labels: impl IntoIterator<Item = (K2, V2)>,
    ) -> Self
    where
        K1: Into<String>,
        V1: Into<String>,
        K2: Into<String>,
        V2: Into<String>,
    {
        Peer(networking::NetworkPolicyPeer {
            namespace_selector: Some(selector(namespace_labels)),
            pod_selector: Some(selector(pod_labels)),
            ip_block: None,
        })
    }

    /// The addresses of the network `cidr` (`10.0.0.0/8`, `2001:db8::/64`; checked when
    /// built, rule 75).
    pub fn cidr(cidr: impl Into<String>) -> Self {
        Peer(networking::NetworkPolicyPeer {
            ip_block: Some(networking::IPBlock {
                cidr: cidr.into(),
                except: None,
            }),
            ..Default::default()
        })
    }

    /// Leaves networks out of an IP block (each strictly inside it, rule 75); no effect on
    /// other peers.
    pub fn except<S: Into<String>>(mut self, cidrs: impl IntoIterator<Item = S>) -> Self {
        if let Some(block) = self.0.ip_block.as_mut() {
            block
                .except
                .get_or_insert_with(Vec::new)
                .extend(cidrs.into_iter().map(Into::into));
        }
        self
    }

    /// The k8s-openapi `NetworkPolicyPeer`.
    pub fn to_k8s(&self) -> networking::NetworkPolicyPeer {
        self.0.clone()
    }
}

/// A port of a rule: by number (optionally a range) or by the name the pods give it.
///
/// ```
/// use k8s_dsl::prelude::*;
///
/// let range = PolicyPort::tcp(32000).to(32768).to_k8s();
/// assert_eq!((range.protocol.as_deref(), range.end_port), (Some("TCP"), Some(32768)));
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct PolicyPort(networking::NetworkPolicyPort);

impl PolicyPort {
    fn new(protocol: &str, port: IntOrString) -> Self {
        PolicyPort(networking::NetworkPolicyPort {
            protocol: Some(protocol.to_owned()),
            port: Some(port),
            end_port: None,
        })
    }

    /// A TCP port.
    pub fn tcp(port: i32) -> Self {
        PolicyPort::new("TCP", IntOrString::Int(port))
    }

    /// A UDP port.
    pub fn udp(port: i32) -> Self {
        PolicyPort::new("UDP", IntOrString::Int(port))
    }

    /// An SCTP port.
    pub fn sctp(port: i32) -> Self {
        PolicyPort::new("SCTP", IntOrString::Int(port))
    }

    /// A TCP port by the name the selected pods' containers give it (checked against them in
    /// a bundle).
    pub fn named(name: impl Into<String>) -> Self {
        PolicyPort::new("TCP", IntOrString::String(name.into()))
    }

    /// Makes a numeric port the first of the range up to `end_port` (rule 73).
    pub fn to(mut self, end_port: i32) -> Self {
        self.0.end_port = Some(end_port);
        self
    }

    /// The k8s-openapi `NetworkPolicyPort`.
    pub fn to_k8s(&self) -> networking::NetworkPolicyPort {
        self.0.clone()
    }
}

/// A NetworkPolicy. Once a policy selects a pod for a direction (ingress, egress), only the
/// traffic some rule allows passes in that direction; adding a rule for a direction isolates it.
///
/// ```
/// use k8s_dsl::prelude::*;
///
/// let policy = NetworkPolicy::new("db")
///     .pods([("app", "db")])
///     .allow_ingress([Peer::pods([("app", "api")])], [PolicyPort::tcp(5432)])
///     .allow_egress([Peer::cidr("10.0.0.0/8").except(["10.0.0.0/24"])], [])
///     .build()?;
/// let spec = policy.spec.unwrap();
/// assert_eq!(spec.egress.unwrap()[0].ports, None);
///
/// // Typos do not build:
/// let errors = NetworkPolicy::new("db")
///     .allow_egress([Peer::cidr("10.0.0.0/33")], [PolicyPort::named("postgres-primary")])
///     .build()
///     .unwrap_err();
/// assert!(errors.has("spec.egress[0].to[0].ipBlock.cidr", 75));
/// assert!(errors.has("spec.egress[0].ports[0].port", 21)); // over 15 characters
/// # Ok::<(), k8s_dsl::Errors>(())
/// ```
#[derive(Debug, Clone)]
pub struct NetworkPolicy {
    pub(crate) meta: Meta,
    pods: LabelSelector,
    ingress: Option<Vec<networking::NetworkPolicyIngressRule>>,
    egress: Option<Vec<networking::NetworkPolicyEgressRule>>,
}

/// The ports, or `None` (every port).
fn port_list(
    ports: impl IntoIterator<Item = PolicyPort>,
) -> Option<Vec<networking::NetworkPolicyPort>> {
    let ports: Vec<_> = ports.into_iter().map(|p| p.0).collect();
    (!ports.is_empty()).then_some(ports)
}

/// The peers, or `None` (everywhere).
fn peer_list(peers: impl IntoIterator<Item = Peer>) -> Option<Vec<networking::NetworkPolicyPeer>> {
    let peers: Vec<_> = peers.into_iter().map(|p| p.0).collect();
    (!peers.is_empty()).then_some(peers)
}

impl NetworkPolicy {
    /// A policy called `name` selecting every pod of its namespace (narrow it with
    /// [`pods`](Self::pods)); it isolates nothing until a rule or a deny is added.
    pub fn new(name: impl Into<String>) -> Self {
        NetworkPolicy {
            meta: Meta::new(name),
            pods: LabelSelector::default(),
            ingress: None,
            egress: None,
        }
    }

    /// A policy that denies all traffic to and from the selected pods (every pod of the
    /// namespace unless narrowed) except what its rules allow.
    pub fn deny_all(name: impl Into<String>) -> Self {
        NetworkPolicy::new(name).deny_ingress().deny_egress()
    }

    meta_methods!();

    /// Selects the pods carrying all of `labels` (`spec.podSelector`).
    pub fn pods<K: Into<String>, V: Into<String>>(
        mut self,
        labels: impl IntoIterator<Item = (K, V)>,
    ) -> Self {
        self.pods = selector(labels);
        self
    }

    /// Isolates ingress: only what an ingress rule allows reaches the pods.
    pub fn deny_ingress(mut self) -> Self {
        self.ingress.get_or_insert_with(Vec::new);
        self
    }

    /// Isolates egress: only what an egress rule allows leaves the pods.
    pub fn deny_egress(mut self) -> Self {
        self.egress.get_or_insert_with(Vec::new);
        self
    }

    /// Allows traffic from `peers` (none: from everywhere) to `ports` (none: every port).
    pub fn allow_ingress(
        mut self,
        peers: impl IntoIterator<Item = Peer>,
        ports: impl IntoIterator<Item = PolicyPort>,
    ) -> Self {
        self.ingress
            .get_or_insert_with(Vec::new)
            .push(networking::NetworkPolicyIngressRule {
                from: peer_list(peers),
                ports: port_list(ports),
            });
        self
    }

    /// Allows traffic to `peers` (none: anywhere) on `ports` (none: every port).
    pub fn allow_egress(
        mut self,
        peers: impl IntoIterator<Item = Peer>,
        ports: impl IntoIterator<Item = PolicyPort>,
    ) -> Self {
        self.egress
            .get_or_insert_with(Vec::new)
            .push(networking::NetworkPolicyEgressRule {
                to: peer_list(peers),
                ports: port_list(ports),
            });
        self
    }

    /// Allows traffic from the pods of the namespace carrying all of `labels`, to `ports`.
    pub fn allow_from_pods<K: Into<String>, V: Into<String>>(
        self,
        labels: impl IntoIterator<Item = (K, V)>,
        ports: impl IntoIterator<Item = PolicyPort>,
    ) -> Self {
        self.allow_ingress([Peer::pods(labels)], ports)
    }

    /// Allows DNS lookups: UDP and TCP port 53 to the cluster DNS pods (`k8s-app: kube-dns`
    /// in `kube-system`, the label CoreDNS keeps).
    pub fn allow_dns_egress(self) -> Self {
        self.allow_egress(
            [Peer::pods_in_namespace(
                [("kubernetes.io/metadata.name", "kube-system")],
                [("k8s-app", "kube-dns")],
            )],
            [PolicyPort::udp(53), PolicyPort::tcp(53)],
        )
    }

    /// The k8s-openapi `NetworkPolicy`, or every error found.
    pub fn build(self) -> Result<networking::NetworkPolicy, Errors> {
        self.build_with_warnings().map(|(policy, _)| policy)
    }

    /// Like [`build`](Self::build), also returning the warnings.
    pub fn build_with_warnings(self) -> Result<(networking::NetworkPolicy, Vec<Warning>), Errors> {
        let mut types = Vec::new();
        if self.ingress.is_some() {
            types.push("Ingress".to_owned());
        }
        if self.egress.is_some() {
            types.push("Egress".to_owned());
        }
        let policy = networking::NetworkPolicy {
            metadata: self.meta.into_object_meta(),
            spec: Some(networking::NetworkPolicySpec {
                pod_selector: Some(self.pods),
                ingress: self.ingress.filter(|rules| !rules.is_empty()),
                egress: self.egress.filter(|rules| !rules.is_empty()),
                policy_types: (!types.is_empty()).then_some(types),
            }),
        };
        crate::validate::network_policy(&policy).finish(policy)
    }
}

#[cfg(test)]
mod tests;
