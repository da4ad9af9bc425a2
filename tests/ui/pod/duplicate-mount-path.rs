fn main() {
    let _pod = k8s_dsl::pod! {
        name: "web",
        containers: [ {
            name: "app",
            image: "nginx:1.27",
            volumeMounts: [
                { name: "config", mountPath: "/etc/app" },
                { name: "secrets", mountPath: "/etc/app" },
            ],
        } ],
        volumes: [
            { name: "config", configMap: { name: "app-config" } },
            { name: "secrets", secret: { secretName: "app-secrets" } },
        ],
    };
}
