// `tests/corpus/examples/gitops/production/service_shop-production_web.yaml`, imported by `k8s-dsl-import`.

use k8s_dsl::prelude::*;

/// The objects of `tests/corpus/examples/gitops/production/service_shop-production_web.yaml`, in file order.
pub fn objects() -> Result<Vec<Object>, Box<dyn std::error::Error>> {
    Ok(vec![
        // Service `web` (document 1)
        Service::new("web")
            .namespace("shop-production")
            .label("app", "web")
            .selector("app", "web")
            .port(ServicePort::tcp(80).name("http").target("http"))
            .build()?
            .into(),
    ])
}
