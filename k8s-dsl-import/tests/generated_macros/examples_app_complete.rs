// `tests/corpus/examples/app_complete.yaml`, imported by `k8s-dsl-import`.
//
// Fields without a builder method, kept as they are:
// - Namespace/shop `(whole object)`: `v1` `Namespace` has no builder; kept with `CustomResource`
// - NetworkPolicy/default-deny `(whole object)`: `networking.k8s.io/v1` `NetworkPolicy` has no builder; kept with `CustomResource`
// - NetworkPolicy/web `(whole object)`: `networking.k8s.io/v1` `NetworkPolicy` has no builder; kept with `CustomResource`
// - Role/config-reader `(whole object)`: `rbac.authorization.k8s.io/v1` `Role` has no builder; kept with `CustomResource`
// - RoleBinding/web-config-reader `(whole object)`: `rbac.authorization.k8s.io/v1` `RoleBinding` has no builder; kept with `CustomResource`
// - ServiceAccount/web `(whole object)`: `v1` `ServiceAccount` has no builder; kept with `CustomResource`

use k8s_dsl::prelude::*;

/// The objects of `tests/corpus/examples/app_complete.yaml`, in file order.
pub fn objects() -> Result<Vec<Object>, Box<dyn std::error::Error>> {
    Ok(vec![
        // Namespace `shop` (document 1)
        Object::Custom(
            CustomResource::new("v1", "Namespace", "shop")
                .label("pod-security.kubernetes.io/audit-version", "v1.33")
                .label("pod-security.kubernetes.io/enforce", "restricted")
                .label("pod-security.kubernetes.io/enforce-version", "v1.33")
                .label("pod-security.kubernetes.io/warn", "restricted")
                .label("pod-security.kubernetes.io/warn-version", "v1.33")
                .build()?,
        ),
        // LimitRange `container-defaults` (document 2)
        LimitRange::new("container-defaults")
            .namespace("shop")
            .limit(Limits::container()
                .max("memory", "1Gi")
                .default("cpu", "500m")
                .default_request("cpu", "100m"))
            .build()?
            .into(),
        // NetworkPolicy `default-deny` (document 3)
        Object::Custom(
            CustomResource::new("networking.k8s.io/v1", "NetworkPolicy", "default-deny")
                .namespace("shop")
                .spec(serde_json::json!({ "podSelector": {}, "policyTypes": ["Ingress", "Egress"] }))
                .build()?,
        ),
        // NetworkPolicy `web` (document 4)
        Object::Custom(
            CustomResource::new("networking.k8s.io/v1", "NetworkPolicy", "web")
                .namespace("shop")
                .spec(serde_json::json!({
                    "egress": [
                        {
                            "ports": [
                                { "port": 53, "protocol": "UDP" },
                                { "port": 53, "protocol": "TCP" },
                            ],
                            "to": [
                                {
                                    "namespaceSelector": {
                                        "matchLabels": { "kubernetes.io/metadata.name": "kube-system" },
                                    },
                                    "podSelector": { "matchLabels": { "k8s-app": "kube-dns" } },
                                },
                            ],
                        },
                    ],
                    "ingress": [
                        {
                            "from": [
                                {
                                    "namespaceSelector": {
                                        "matchLabels": { "kubernetes.io/metadata.name": "ingress-nginx" },
                                    },
                                },
                            ],
                            "ports": [{ "port": "http", "protocol": "TCP" }],
                        },
                    ],
                    "podSelector": { "matchLabels": { "app": "web" } },
                    "policyTypes": ["Ingress", "Egress"],
                }))
                .build()?,
        ),
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
        Object::Custom(
            CustomResource::new("rbac.authorization.k8s.io/v1", "Role", "config-reader")
                .namespace("shop")
                .field("rules", serde_json::json!([
                    {
                        "apiGroups": [""],
                        "resources": ["configmaps"],
                        "verbs": ["get", "list", "watch"],
                    },
                ]))
                .build()?,
        ),
        // RoleBinding `web-config-reader` (document 8)
        Object::Custom(
            CustomResource::new("rbac.authorization.k8s.io/v1", "RoleBinding", "web-config-reader")
                .namespace("shop")
                .field("roleRef", serde_json::json!({
                    "apiGroup": "rbac.authorization.k8s.io",
                    "kind": "Role",
                    "name": "config-reader",
                }))
                .field("subjects", serde_json::json!([{ "kind": "ServiceAccount", "name": "web", "namespace": "shop" }]))
                .build()?,
        ),
        // ServiceAccount `web` (document 9)
        Object::Custom(
            CustomResource::new("v1", "ServiceAccount", "web")
                .namespace("shop")
                .field("automountServiceAccountToken", serde_json::json!(false))
                .build()?,
        ),
        // Ingress `web` (document 10)
        Ingress::new("web")
            .namespace("shop")
            .class("nginx")
            .rule(IngressRule::host("shop.example.com")
                .path("/", PathType::Prefix, IngressBackend::service("web", "http")))
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
