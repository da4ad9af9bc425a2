// `tests/corpus/kubernetes-docs/backend-service.yaml`, imported by `k8s-dsl-import`.

use k8s_dsl::prelude::*;

/// The objects of `tests/corpus/kubernetes-docs/backend-service.yaml`, in file order.
pub fn objects() -> Result<Vec<Object>, Box<dyn std::error::Error>> {
    Ok(vec![
        // Service `hello` (document 1)
        Service::new("hello")
            .selector("app.kubernetes.io/name", "hello")
            .selector("tier", "backend")
            .port(ServicePort::tcp(80).target("http"))
            .build()?
            .into(),
    ])
}
