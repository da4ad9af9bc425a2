// `tests/corpus/examples/statefulset_rg.yaml`, imported by `k8s-dsl-import`.

use k8s_dsl::prelude::*;

/// The objects of `tests/corpus/examples/statefulset_rg.yaml`, in file order.
pub fn objects() -> Result<Vec<Object>, Box<dyn std::error::Error>> {
    Ok(vec![
        // Service `random-generator` (document 1)
        Service::headless("random-generator")
            .selector("app", "random-generator")
            .port(ServicePort::tcp(8080).name("http").target("http"))
            .build()?
            .into(),
        // StatefulSet `rg` (document 2)
        // Builder code, not a macro:
        // - `statefulset!` has no key for `spec.volumeClaimTemplates`
        StatefulSet::new("rg")
            .service_name("random-generator")
            .replicas(2)
            .volume_claim(
                VolumeClaimTemplate::new("logs")
                    .access_mode(AccessMode::ReadWriteOnce)
                    .storage("10Mi"),
            )
            .template(
                Pod::template().label("app", "random-generator").container(
                    Container::new("random-generator")
                        .image("k8spatterns/random-generator:1.0")
                        .port(ContainerPort::new(8080).name("http"))
                        .mount("logs", "/logs"),
                ),
            )
            .build()?
            .into(),
    ])
}
