fn main() {
    let _pod = k8s_dsl::pod! {
        name: "web",
        volumes: [ { name: "data", emptyDir: {}, persistentVolumeClaim: { claimName: "data" } } ],
        containers: [ { name: "app", image: "nginx:1.27" } ],
    };
}
