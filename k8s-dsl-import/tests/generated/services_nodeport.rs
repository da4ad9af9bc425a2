// `tests/corpus/services/nodeport.yaml`, imported by `k8s-dsl-import`.

use k8s_dsl::prelude::*;

/// The objects of `tests/corpus/services/nodeport.yaml`, in file order.
pub fn objects() -> Result<Vec<Object>, Box<dyn std::error::Error>> {
    Ok(vec![
        // Service `web-nodeport` (document 1)
        Service::node_port("web-nodeport")
            .selector("app", "web")
            .port(
                ServicePort::tcp(80)
                    .name("http")
                    .target(8080)
                    .node_port(30080),
            )
            .external_traffic_policy(ExternalTrafficPolicy::Local)
            .build()?
            .into(),
    ])
}
