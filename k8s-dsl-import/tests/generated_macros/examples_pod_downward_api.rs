// `tests/corpus/examples/pod_downward_api.yaml`, imported by `k8s-dsl-import`.

use k8s_dsl::prelude::*;

/// The objects of `tests/corpus/examples/pod_downward_api.yaml`, in file order.
pub fn objects() -> Result<Vec<Object>, Box<dyn std::error::Error>> {
    Ok(vec![
        // Pod `kubernetes-downwardapi-volume-example` (document 1)
        k8s_dsl::pod! {
            name: "kubernetes-downwardapi-volume-example",
            labels: { cluster: "test-cluster1", rack: "rack-22", zone: "us-est-coast" },
            annotations: { build: "two", builder: "john-doe" },
            containers: [ {
                name: "client-container",
                image: "registry.k8s.io/busybox",
                command: ["sh", "-c"],
                args: [
                    "while true; do if [ -e /etc/podinfo/labels ]; then echo -en '\\n\\n'; cat /etc/podinfo/labels; fi; if [ -e /etc/podinfo/annotations ]; then echo -en '\\n\\n'; cat /etc/podinfo/annotations; fi; sleep 5; done;",
                ],
                volumeMounts: [ { name: "podinfo", mountPath: "/etc/podinfo" } ],
            } ],
            volumes: [ {
                name: "podinfo",
                downwardAPI: {
                    items: [
                        { path: "labels", fieldRef: { fieldPath: "metadata.labels" } },
                        { path: "annotations", fieldRef: { fieldPath: "metadata.annotations" } },
                    ],
                },
            } ],
        }
        .build()?
        .into(),
    ])
}
