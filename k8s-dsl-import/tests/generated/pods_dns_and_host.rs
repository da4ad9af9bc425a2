// `tests/corpus/pods/dns-and-host.yaml`, imported by `k8s-dsl-import`.

use k8s_dsl::prelude::*;

/// The objects of `tests/corpus/pods/dns-and-host.yaml`, in file order.
pub fn objects() -> Result<Vec<Object>, Box<dyn std::error::Error>> {
    Ok(vec![
        // Pod `dns-demo` (document 1)
        Pod::new("dns-demo")
            .container(Container::new("app").image("registry.example.com/app:1.0"))
            .restart_policy(RestartPolicy::OnFailure)
            .service_account_name("dns-demo")
            .hostname("web-0")
            .subdomain("web")
            .termination_grace_period(Duration::seconds(0))
            .active_deadline(Duration::hours(2))
            .image_pull_secret("registry-credentials")
            .dns_policy(DnsPolicy::None)
            .dns_config(
                DnsConfig::new()
                    .nameserver("1.1.1.1")
                    .nameserver("8.8.8.8")
                    .search("ns1.svc.cluster.local")
                    .search("example.com")
                    .option("ndots", "2")
                    .flag("edns0"),
            )
            .automount_service_account_token(false)
            .host_network(false)
            .share_process_namespace(true)
            .set_hostname_as_fqdn(true)
            .enable_service_links(false)
            .build()?
            .into(),
    ])
}
