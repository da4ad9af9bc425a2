// `tests/corpus/pods/volumes.yaml`, imported by `k8s-dsl-import`.

use k8s_dsl::prelude::*;

/// The objects of `tests/corpus/pods/volumes.yaml`, in file order.
pub fn objects() -> Result<Vec<Object>, Box<dyn std::error::Error>> {
    Ok(vec![
        // Pod `volumes-demo` (document 1)
        k8s_dsl::pod! {
            name: "volumes-demo",
            containers: [ {
                name: "app",
                image: "example/app:1.0",
                env: [ {
                    name: "POD_NAME",
                    valueFrom: { fieldRef: { fieldPath: "metadata.name" } },
                } ],
                resources: { limits: { memory: "128Mi" } },
                volumeMounts: [
                    { name: "scratch", mountPath: "/scratch" },
                    { name: "cache", mountPath: "/cache" },
                    { name: "config", mountPath: "/etc/app", readOnly: true },
                    { name: "config", mountPath: "/etc/app-main.conf", subPath: "main.conf" },
                    { name: "certs", mountPath: "/etc/certs", readOnly: true },
                    { name: "data", mountPath: "/data" },
                    { name: "podinfo", mountPath: "/etc/podinfo" },
                    { name: "bundle", mountPath: "/var/run/bundle" },
                    {
                        name: "host-logs",
                        mountPath: "/host/logs",
                        readOnly: true,
                        mountPropagation: HostToContainer,
                    },
                    { name: "scratch", mountPath: "/per-pod", subPathExpr: "$(POD_NAME)" },
                ],
            } ],
            volumes: [
                { name: "scratch", emptyDir: {} },
                { name: "cache", emptyDir: { medium: Memory, sizeLimit: "64Mi" } },
                {
                    name: "config",
                    configMap: {
                        name: "app-config",
                        items: [
                            { key: "main.conf", path: "main.conf" },
                            { key: "extra.conf", path: "conf.d/extra.conf" },
                        ],
                        defaultMode: 0o644,
                        optional: true,
                    },
                },
                { name: "certs", secret: { secretName: "app-tls", defaultMode: 0o400 } },
                { name: "data", persistentVolumeClaim: { claimName: "app-data", readOnly: true } },
                {
                    name: "podinfo",
                    downwardAPI: {
                        items: [
                            { path: "labels", fieldRef: { fieldPath: "metadata.labels" } },
                            {
                                path: "memory-limit",
                                resourceFieldRef: {
                                    containerName: "app",
                                    resource: "limits.memory",
                                },
                            },
                        ],
                        defaultMode: 0o444,
                    },
                },
                {
                    name: "bundle",
                    projected: {
                        sources: [
                            { configMap: { name: "app-config" } },
                            {
                                secret: {
                                    name: "app-tls",
                                    items: [ { key: "tls.crt", path: "tls.crt" } ],
                                },
                            },
                            {
                                downwardAPI: {
                                    items: [ {
                                        path: "namespace",
                                        fieldRef: { fieldPath: "metadata.namespace" },
                                    } ],
                                },
                            },
                            {
                                serviceAccountToken: {
                                    path: "token",
                                    audience: "vault",
                                    expirationSeconds: 1h,
                                },
                            },
                        ],
                        defaultMode: 0o440,
                    },
                },
                { name: "host-logs", hostPath: { path: "/var/log", type: "Directory" } },
            ],
            serviceAccountName: "reader",
        }
        .build()?
        .into(),
    ])
}
