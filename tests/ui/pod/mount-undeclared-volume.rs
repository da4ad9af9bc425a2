fn main() {
    let _pod = k8s_dsl::pod! {
        name: "web",
        volumes: [ { name: "logs", emptyDir: {} }, { name: "config", configMap: { name: "web-config" } } ],
        containers: [ {
            name: "app",
            image: "nginx:1.27",
            volumeMounts: [ { name: "log", mountPath: "/var/log/nginx" } ],
        } ],
    };
}
