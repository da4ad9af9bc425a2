// `tests/corpus/examples/app_complete.yaml`, imported by `k8s-dsl-import`.

use k8s_dsl::prelude::*;

/// The objects of `tests/corpus/examples/app_complete.yaml`, in file order.
pub fn objects() -> Result<Vec<Object>, Box<dyn std::error::Error>> {
    Ok(vec![
        // Namespace `shop` (document 1)
        Namespace::new("shop")
            .label("pod-security.kubernetes.io/audit-version", "v1.33")
            .label("pod-security.kubernetes.io/enforce", "restricted")
            .label("pod-security.kubernetes.io/enforce-version", "v1.33")
            .label("pod-security.kubernetes.io/warn", "restricted")
            .label("pod-security.kubernetes.io/warn-version", "v1.33")
            .build()?
            .into(),
        // LimitRange `container-defaults` (document 2)
        LimitRange::new("container-defaults")
            .namespace("shop")
            .limit(
                Limits::container()
                    .max("memory", "1Gi")
                    .default("cpu", "500m")
                    .default_request("cpu", "100m"),
            )
            .build()?
            .into(),
        // NetworkPolicy `default-deny` (document 3)
        NetworkPolicy::new("default-deny")
            .namespace("shop")
            .deny_ingress()
            .deny_egress()
            .build()?
            .into(),
        // NetworkPolicy `web` (document 4)
        NetworkPolicy::new("web")
            .namespace("shop")
            .pods([("app", "web")])
            .allow_ingress(
                [Peer::namespaces([(
                    "kubernetes.io/metadata.name",
                    "ingress-nginx",
                )])],
                [PolicyPort::named("http")],
            )
            .allow_egress(
                [Peer::pods_in_namespace(
                    [("kubernetes.io/metadata.name", "kube-system")],
                    [("k8s-app", "kube-dns")],
                )],
                [PolicyPort::udp(53), PolicyPort::tcp(53)],
            )
            .build()?
            .into(),
        // PersistentVolumeClaim `web-uploads` (document 5)
        PersistentVolumeClaim::new("web-uploads")
            .namespace("shop")
            .access_mode(AccessMode::ReadWriteOnce)
            .storage("5Gi")
            .build()?
            .into(),
        // ResourceQuota `compute` (document 6)
        ResourceQuota::new("compute")
            .namespace("shop")
            .hard("limits.memory", "4Gi")
            .hard("persistentvolumeclaims", "4")
            .hard("pods", "20")
            .hard("requests.cpu", "2")
            .build()?
            .into(),
        // Role `config-reader` (document 7)
        Role::new("config-reader")
            .namespace("shop")
            .rule(Rule::in_group("", ["configmaps"]).verbs([Verb::Get, Verb::List, Verb::Watch]))
            .build()?
            .into(),
        // RoleBinding `web-config-reader` (document 8)
        RoleBinding::new("web-config-reader")
            .namespace("shop")
            .role("config-reader")
            .subject(Subject::service_account_named("web", "shop"))
            .build()?
            .into(),
        // ServiceAccount `web` (document 9)
        ServiceAccount::new("web")
            .namespace("shop")
            .automount_token(false)
            .build()?
            .into(),
        // Ingress `web` (document 10)
        Ingress::new("web")
            .namespace("shop")
            .class("nginx")
            .rule(IngressRule::host("shop.example.com").path(
                "/",
                PathType::Prefix,
                IngressBackend::service("web", "http"),
            ))
            .tls(["shop.example.com"], "shop-example-com-tls")
            .build()?
            .into(),
        // Service `web` (document 11)
        Service::new("web")
            .namespace("shop")
            .selector("app", "web")
            .port(ServicePort::tcp(80).name("http").target("http"))
            .build()?
            .into(),
        // Deployment `web` (document 12)
        k8s_dsl::deployment! {
            name: "web",
            namespace: "shop",
            replicas: 2,
            selector: { matchLabels: { app: "web" } },
            template: {
                labels: { app: "web" },
                containers: [ {
                    name: "web",
                    image: "nginxinc/nginx-unprivileged:1.27",
                    ports: [ { containerPort: 8080, name: "http", protocol: TCP } ],
                    resources: {
                        requests: { cpu: "100m", memory: "64Mi" },
                        limits: { cpu: "500m", memory: "128Mi" },
                    },
                    volumeMounts: [ { name: "uploads", mountPath: "/var/www/uploads" } ],
                    readinessProbe: { httpGet: { path: "/", port: "http" } },
                    securityContext: {
                        allowPrivilegeEscalation: false,
                        capabilities: { drop: ["ALL"] },
                    },
                } ],
                volumes: [ {
                    name: "uploads",
                    persistentVolumeClaim: { claimName: "web-uploads" },
                } ],
                serviceAccountName: "web",
                securityContext: { runAsNonRoot: true, seccompProfile: { type: RuntimeDefault } },
            },
        }
        .build()?
        .into(),
    ])
}
