// `tests/corpus/services/clusterip.yaml`, imported by `k8s-dsl-import`.

use k8s_dsl::prelude::*;

/// The objects of `tests/corpus/services/clusterip.yaml`, in file order.
pub fn objects() -> Result<Vec<Object>, Box<dyn std::error::Error>> {
    Ok(vec![
        // Service `backend` (document 1)
        Service::new("backend")
            .label("app", "backend")
            .selector("app", "backend")
            .port(ServicePort::new(80).target(8080))
            .session_affinity(SessionAffinity::ClientIp)
            .build()?
            .into(),
        // Service `backend-typed` (document 2)
        Service::cluster_ip("backend-typed")
            .selector("app", "backend")
            .port(ServicePort::tcp(80).name("http").target("http"))
            .port(ServicePort::new(9090).name("grpc").app_protocol("grpc"))
            .build()?
            .into(),
    ])
}
