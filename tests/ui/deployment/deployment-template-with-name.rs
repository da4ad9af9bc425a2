fn main() {
    let _deployment = k8s_dsl::deployment! {
        name: "web",
        template: {
            name: "web-pod",
            labels: { app: "web" },
            containers: [ { name: "web", image: "nginx:1.27" } ],
        },
    };
}
