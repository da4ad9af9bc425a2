fn main() {
    let _deployment = k8s_dsl::deployment! {
        name: "web",
        selector: { matchLabels: {} },
        template: {
            labels: { app: "web" },
            containers: [ { name: "web", image: "nginx:1.27" } ],
        },
    };
}
