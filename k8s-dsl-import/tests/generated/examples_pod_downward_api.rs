// `tests/corpus/examples/pod_downward_api.yaml`, imported by `k8s-dsl-import`.

use k8s_dsl::prelude::*;

/// The objects of `tests/corpus/examples/pod_downward_api.yaml`, in file order.
pub fn objects() -> Result<Vec<Object>, Box<dyn std::error::Error>> {
    Ok(vec![
        // Pod `kubernetes-downwardapi-volume-example` (document 1)
        Pod::new("kubernetes-downwardapi-volume-example")
            .label("cluster", "test-cluster1")
            .label("rack", "rack-22")
            .label("zone", "us-est-coast")
            .annotation("build", "two")
            .annotation("builder", "john-doe")
            .container(Container::new("client-container")
                .image("registry.k8s.io/busybox")
                .command(["sh", "-c"])
                .args(["while true; do if [ -e /etc/podinfo/labels ]; then echo -en '\\n\\n'; cat /etc/podinfo/labels; fi; if [ -e /etc/podinfo/annotations ]; then echo -en '\\n\\n'; cat /etc/podinfo/annotations; fi; sleep 5; done;"])
                .mount("podinfo", "/etc/podinfo"))
            .volume(Volume::downward_api("podinfo")
                .field_item("labels", "metadata.labels")
                .field_item("annotations", "metadata.annotations"))
            .build()?
            .into(),
    ])
}
