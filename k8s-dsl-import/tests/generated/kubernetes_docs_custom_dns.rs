// `tests/corpus/kubernetes-docs/custom-dns.yaml`, imported by `k8s-dsl-import`.

use k8s_dsl::prelude::*;

/// The objects of `tests/corpus/kubernetes-docs/custom-dns.yaml`, in file order.
pub fn objects() -> Result<Vec<Object>, Box<dyn std::error::Error>> {
    Ok(vec![
        // Pod `dns-example` (document 1)
        Pod::new("dns-example")
            .namespace("default")
            .container(Container::new("test").image("nginx"))
            .dns_policy(DnsPolicy::None)
            .dns_config(
                DnsConfig::new()
                    .nameserver("192.0.2.1")
                    .search("ns1.svc.cluster-domain.example")
                    .search("my.dns.search.suffix")
                    .option("ndots", "2")
                    .flag("edns0"),
            )
            .build()?
            .into(),
    ])
}
