// `tests/corpus/kubernetes-docs/simple-service.yaml`, imported by `k8s-dsl-import`.

use k8s_dsl::prelude::*;

/// The objects of `tests/corpus/kubernetes-docs/simple-service.yaml`, in file order.
pub fn objects() -> Result<Vec<Object>, Box<dyn std::error::Error>> {
    Ok(vec![
        // Service `my-service` (document 1)
        Service::new("my-service")
            .selector("app.kubernetes.io/name", "MyApp")
            .port(ServicePort::tcp(80).target(9376))
            .build()?
            .into(),
    ])
}
