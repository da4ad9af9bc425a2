//! A complete application in its own namespace: the Namespace (Pod Security `restricted`
//! enforced), the ServiceAccount the pods run as, a Role that lets it read its ConfigMaps and a
//! RoleBinding granting it, the Deployment and its Service, the Ingress that routes
//! `shop.example.com` to it over TLS, a PersistentVolumeClaim for its uploads, a ResourceQuota
//! and a LimitRange for the namespace, and NetworkPolicies that deny all traffic except HTTP
//! from the ingress controller's namespace and DNS lookups.
//!
//! The bundle checks the references between them: the binding names the Role and the
//! ServiceAccount, the pods run as that account and mount the claim, the Ingress names the
//! Service and one of its ports, the policy selects the pods and names a port they declare.

use std::error::Error;
use std::process::ExitCode;

use k8s_dsl::prelude::*;
use k8s_dsl_examples::{boxed, run, Manifests};

const NAMESPACE: &str = "shop";

/// The objects this example prints.
pub fn manifests() -> Result<Manifests, Box<dyn Error>> {
    let namespace = Namespace::new(NAMESPACE)
        .enforce(Profile::Restricted)
        .warn(Profile::Restricted)
        .pod_security_version("v1.33");
    let account = ServiceAccount::new("web")
        .namespace(NAMESPACE)
        .automount_token(false);
    let role = Role::new("config-reader")
        .namespace(NAMESPACE)
        .allow_read(["configmaps"]);
    let binding = RoleBinding::new("web-config-reader")
        .namespace(NAMESPACE)
        .role("config-reader")
        .subject(Subject::service_account(&account));
    let web = Deployment::new("web")
        .namespace(NAMESPACE)
        .replicas(2)
        .template(
            Pod::template()
                .label("app", "web")
                .service_account_name(account.name())
                .restricted()
                .volume(Volume::persistent_volume_claim("uploads", "web-uploads"))
                .container(
                    Container::new("web")
                        .image("nginxinc/nginx-unprivileged:1.27")
                        .port(ContainerPort::tcp(8080).name("http"))
                        .readiness_probe(Probe::http_get("/", "http"))
                        .cpu("100m", "500m")
                        .memory("64Mi", "128Mi")
                        .mount("uploads", "/var/www/uploads"),
                ),
        );
    let service = Service::new("web")
        .namespace(NAMESPACE)
        .selector("app", "web")
        .port(ServicePort::tcp(80).target("http").name("http"));
    let uploads = PersistentVolumeClaim::new("web-uploads")
        .namespace(NAMESPACE)
        .access_mode(AccessMode::ReadWriteOnce)
        .storage("5Gi");
    let ingress = Ingress::new("web")
        .namespace(NAMESPACE)
        .class("nginx")
        .rule(
            IngressRule::host("shop.example.com")
                .prefix("/", IngressBackend::service("web", "http")),
        )
        .tls(["shop.example.com"], "shop-example-com-tls");
    let quota = ResourceQuota::new("compute")
        .namespace(NAMESPACE)
        .hard("requests.cpu", "2")
        .hard("limits.memory", "4Gi")
        .hard("persistentvolumeclaims", "4")
        .hard("pods", "20");
    let limits = LimitRange::new("container-defaults")
        .namespace(NAMESPACE)
        .limit(
            Limits::container()
                .default_request("cpu", "100m")
                .default("cpu", "500m")
                .max("memory", "1Gi"),
        );
    let deny_all = NetworkPolicy::deny_all("default-deny").namespace(NAMESPACE);
    let web_traffic = NetworkPolicy::new("web")
        .namespace(NAMESPACE)
        .pods([("app", "web")])
        .allow_ingress(
            [Peer::namespace("ingress-nginx")],
            [PolicyPort::named("http")],
        )
        .allow_dns_egress();
    let objects = Bundle::new()
        .add(namespace)
        .add(account)
        .add(role)
        .add(binding)
        .add(web)
        .add(service)
        .add(uploads)
        .add(ingress)
        .add(quota)
        .add(limits)
        .add(deny_all)
        .add(web_traffic)
        // The ingress controller installs its IngressClass.
        .provided_by_cluster("IngressClass", "nginx")
        .build()?;
    Ok(boxed(objects))
}

#[allow(dead_code)] // unused where a test includes this file as a module
fn main() -> ExitCode {
    run(manifests)
}
