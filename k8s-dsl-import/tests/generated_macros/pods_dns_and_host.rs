// `tests/corpus/pods/dns-and-host.yaml`, imported by `k8s-dsl-import`.

use k8s_dsl::prelude::*;

/// The objects of `tests/corpus/pods/dns-and-host.yaml`, in file order.
pub fn objects() -> Result<Vec<Object>, Box<dyn std::error::Error>> {
    Ok(vec![
        // Pod `dns-demo` (document 1)
        k8s_dsl::pod! {
            name: "dns-demo",
            containers: [ { name: "app", image: "registry.example.com/app:1.0" } ],
            serviceAccountName: "dns-demo",
            terminationGracePeriodSeconds: 0s,
            activeDeadlineSeconds: 2h,
            imagePullSecrets: ["registry-credentials"],
            hostname: "web-0",
            subdomain: "web",
            dnsPolicy: None,
            dnsConfig: {
                nameservers: ["1.1.1.1", "8.8.8.8"],
                searches: ["ns1.svc.cluster.local", "example.com"],
                options: [ { name: "ndots", value: "2" }, { name: "edns0" } ],
            },
            hostNetwork: false,
            automountServiceAccountToken: false,
            shareProcessNamespace: true,
            setHostnameAsFQDN: true,
            enableServiceLinks: false,
            restartPolicy: OnFailure,
        }
        .build()?
        .into(),
    ])
}
