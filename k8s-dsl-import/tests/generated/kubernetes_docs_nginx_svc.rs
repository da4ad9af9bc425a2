// `tests/corpus/kubernetes-docs/nginx-svc.yaml`, imported by `k8s-dsl-import`.

use k8s_dsl::prelude::*;

/// The objects of `tests/corpus/kubernetes-docs/nginx-svc.yaml`, in file order.
pub fn objects() -> Result<Vec<Object>, Box<dyn std::error::Error>> {
    Ok(vec![
        // Service `my-nginx` (document 1)
        Service::new("my-nginx")
            .label("run", "my-nginx")
            .selector("run", "my-nginx")
            .port(ServicePort::tcp(80))
            .build()?
            .into(),
    ])
}
