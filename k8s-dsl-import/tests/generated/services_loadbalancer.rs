// `tests/corpus/services/loadbalancer.yaml`, imported by `k8s-dsl-import`.

use k8s_dsl::prelude::*;

/// The objects of `tests/corpus/services/loadbalancer.yaml`, in file order.
pub fn objects() -> Result<Vec<Object>, Box<dyn std::error::Error>> {
    Ok(vec![
        // Service `dns-lb` (document 1)
        Service::load_balancer("dns-lb")
            .annotation("service.beta.kubernetes.io/aws-load-balancer-type", "nlb")
            .selector("app", "dns")
            .port(ServicePort::udp(53).name("dns-udp"))
            .port(ServicePort::tcp(53).name("dns-tcp"))
            .external_traffic_policy(ExternalTrafficPolicy::Cluster)
            .load_balancer_source_range("10.0.0.0/8")
            .load_balancer_source_range("192.168.0.0/16")
            .build()?
            .into(),
    ])
}
